package io.github.commgate.report;

import io.github.commgate.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Puts reports on disk, each whole (see {@link AtomicFile}). */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes each format's file into {@code directory}, creating it.
     *
     * @return the files written, in the order of {@code formats}
     */
    public static List<Path> writeAll(Path directory, RunReport report, List<ReportFormat> formats) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            written.add(write(directory.resolve(format.fileName()), report, format));
        }
        return written;
    }

    /** Writes one format into {@code file}, wherever the user asked for it (the benchmark goal's {@code outputJson}). */
    public static Path write(Path file, RunReport report, ReportFormat format) throws IOException {
        return AtomicFile.write(file, format.render(report), AtomicFile.Readers.EVERYONE);
    }
}

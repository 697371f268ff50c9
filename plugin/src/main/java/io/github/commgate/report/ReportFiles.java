package io.github.commgate.report;

import io.github.commgate.files.AtomicFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Puts reports on disk, each whole (see {@link AtomicFile}), and takes a previous run's away. */
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

    /**
     * Removes what a previous run of these formats left in {@code directory}, and any temporary
     * file a killed run left half-written, so that a run that fails before it writes its own
     * reports never leaves another run's (a green JUnit file beside a red build) in their place.
     * Other files in the directory are not touched.
     *
     * @return the files removed
     */
    public static List<Path> removePrevious(Path directory, List<ReportFormat> formats) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return removed;
        }
        for (ReportFormat format : formats) {
            Path file = directory.resolve(format.fileName());
            if (Files.deleteIfExists(file)) {
                removed.add(file);
            }
            String glob = AtomicFile.temporaryPrefix(format.fileName()) + "*" + AtomicFile.TEMPORARY_SUFFIX;
            try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(directory, glob)) {
                for (Path temporary : temporaries) {
                    Files.deleteIfExists(temporary);
                    removed.add(temporary);
                }
            }
        }
        return removed;
    }
}

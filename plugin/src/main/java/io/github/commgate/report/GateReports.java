package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The files the check goal leaves behind: the results JSON with the gate's judgement, a
 * Markdown summary for a job summary or pull-request comment, JUnit XML for CI test reporters,
 * and an HTML page with a latency chart.
 */
public final class GateReports {

    public static final String RESULTS_JSON = "results.json";
    public static final String MARKDOWN = "report.md";
    public static final String JUNIT_XML = "TEST-commgate.xml";
    public static final String HTML = "report.html";

    private GateReports() {
    }

    /**
     * Writes all four files into {@code directory}, creating it, each through a temporary file
     * and a rename so that a CI step reading them never sees half a file.
     *
     * @param baseline the baseline the outcome was judged against, if there was one; the reports
     *                 name where it came from and the chart draws it
     * @return the files written, in the order above
     */
    public static List<Path> writeAll(Path directory, RunResult run, GateOutcome outcome, Optional<Baseline> baseline,
                                      String toolVersion) throws IOException {
        Path json = write(directory.resolve(RESULTS_JSON), GateJson.text(run, outcome, baseline, toolVersion));
        Path markdown = write(directory.resolve(MARKDOWN), GateMarkdown.text(run, outcome, baseline));
        Path junit = write(directory.resolve(JUNIT_XML), GateJUnitXml.text(run, outcome));
        Path html = write(directory.resolve(HTML), GateHtml.text(run, outcome, baseline, toolVersion));
        return List.of(json, markdown, junit, html);
    }

    /** Writes through a temporary file in the same directory and a rename, as {@link ResultsJson#write} does. */
    static Path write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            readableByAll(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /**
     * A temporary file is created owner-only; these reports hold nothing secret and are read by
     * CI steps that may run as another user (a container's, an uploader's), so open them up.
     */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}

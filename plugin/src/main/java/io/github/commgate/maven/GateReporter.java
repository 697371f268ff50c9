package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.report.ReportFiles;
import io.github.commgate.report.ReportFormats;
import io.github.commgate.report.RunReport;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Writes the check goal's reports and says where they are. */
final class GateReporter {

    private final Log log;
    private final Path directory;
    private final String toolVersion;

    GateReporter(Log log, Path directory, String toolVersion) {
        this.log = log;
        this.directory = directory;
        this.toolVersion = toolVersion;
    }

    void write(RunResult run, GateOutcome outcome, Optional<Baseline> baseline) throws MojoExecutionException {
        try {
            ReportFiles.writeAll(directory, RunReport.judged(run, outcome, baseline, toolVersion), ReportFormats.CHECK);
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot write the reports into " + directory + ": " + e.getMessage(), e);
        }
        log.info("commgate: reports in " + directory + " (" + ReportFormats.fileNames(ReportFormats.CHECK) + ")");
    }
}

package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.machine.HostEnvironment;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.report.ReportFiles;
import io.github.commgate.report.ReportFormats;
import io.github.commgate.report.RunReport;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The check goal's reports: takes a previous run's away before measuring, writes this run's,
 * judged or failed, and says where they are.
 */
final class GateReporter {

    /** Every message of the goal starts so; the reports name commgate already. */
    private static final String MESSAGE_PREFIX = "commgate: ";

    private final Log log;
    private final Path directory;
    private final String toolVersion;
    private final Instant startedAt = Instant.now();

    GateReporter(Log log, Path directory, String toolVersion) {
        this.log = log;
        this.directory = directory;
        this.toolVersion = toolVersion;
    }

    /** Before measuring: a run that fails before it writes its reports must not leave the previous run's (a green JUnit file). */
    void removePrevious() throws MojoExecutionException {
        try {
            List<Path> removed = ReportFiles.removePrevious(directory, ReportFormats.CHECK);
            if (!removed.isEmpty()) {
                log.debug("commgate: removed the previous run's reports " + removed);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot remove the previous reports from " + directory + ": " + e.getMessage(), e);
        }
    }

    void write(RunResult run, GateOutcome outcome, Optional<Baseline> baseline) throws MojoExecutionException {
        try {
            write(RunReport.judged(run, outcome, baseline, toolVersion));
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot write the reports into " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run failed for an infrastructure reason: the reports say ERROR with {@code message}
     * and show what {@code measuredSoFar} holds. Never throws, so the failure itself is what the
     * build reports; a report that cannot be written is a warning.
     */
    void writeFailed(RunResult measuredSoFar, String message) {
        String reason = message.startsWith(MESSAGE_PREFIX) ? message.substring(MESSAGE_PREFIX.length()) : message;
        try {
            write(RunReport.failed(measuredSoFar, reason, toolVersion));
        } catch (IOException | RuntimeException e) {
            log.warn("commgate: cannot write the ERROR reports into " + directory + ": " + e.getMessage());
        }
    }

    /** A run of {@code plan} that measured nothing: this machine, and the time since this goal started. */
    RunResult nothingMeasured(BenchmarkPlan plan) {
        double seconds = Duration.between(startedAt, Instant.now()).toNanos() / 1e9;
        return new RunResult(plan, HostEnvironment.describe(), startedAt, 0, seconds, List.of());
    }

    private void write(RunReport report) throws IOException {
        ReportFiles.writeAll(directory, report, ReportFormats.CHECK);
        log.info("commgate: reports in " + directory + " (" + ReportFormats.fileNames(ReportFormats.CHECK) + ")");
    }
}

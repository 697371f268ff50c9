package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.Confirmation;
import io.github.commgate.gate.Gate;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.GatePolicy;
import io.github.commgate.plan.RunPlan;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.report.BenchmarkTable;
import io.github.commgate.report.GateTable;
import io.github.commgate.report.ReportFormats;
import io.github.commgate.result.RunResult;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The gate: measures, compares every point with the baseline of this environment, writes the
 * reports into target/commgate, logs every violation, then fails once. A point fails only when
 * its median is beyond the threshold, the difference is significant, and re-measuring it
 * ({@code confirmRuns}) says the same.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGateMojo {

    /** Fail the build on a regression or a wrong result; false logs them as warnings. */
    @Parameter(property = "commgate.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

    /**
     * Fail when no point was compared: this environment has no baseline, or its baseline has none
     * of the measured points. False warns and writes a candidate into target/commgate. Default:
     * true where the build runs in CI (the {@code CI} environment variable is {@code true}, as
     * GitHub Actions, GitLab CI and most others set it; on Jenkins set it in the job), false elsewhere.
     */
    @Parameter(property = "commgate.requireBaseline")
    private Boolean requireBaseline;

    /**
     * How many times a regressed point is measured again before it may fail the build (0 or
     * more). On the cpu backend up to 3 rounds are added while the re-measurement finds the
     * ranks' CPUs farther apart than the baseline's (docs/gate.md, "When the machine moves").
     */
    @Parameter(property = "commgate.confirmRuns", defaultValue = "" + Defaults.CONFIRM_RUNS)
    private int confirmRuns;

    /** Where each run is appended for the trend in report.html, a file per environment. Default: target/commgate/history. */
    @Parameter(property = "commgate.historyDirectory")
    private File historyDirectory;

    @Override
    protected void configure(RunSettings settings) {
        super.configure(settings);
        settings.failOnRegression(failOnRegression).requireBaseline(requireBaseline).confirmRuns(confirmRuns)
                .ci("true".equalsIgnoreCase(System.getenv("CI"))).history(historyDirectory(historyDirectory), Defaults.TREND_RUNS);
    }

    @Override
    protected Map<String, Path> outputs() {
        Map<String, Path> outputs = super.outputs();
        outputs.put("the reports", outputDirectory().resolve(ReportFormats.MARKDOWN.fileName()));
        outputs.put("historyDirectory", historyDirectory(historyDirectory).resolve("history.jsonl"));
        return outputs;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped() || measuredElsewhere("check")) {
            return;
        }
        GateReporter.removePrevious(getLog(), outputDirectory());
        RunPlan plan = plan();
        GateReporter reporter = new GateReporter(getLog(), outputDirectory(), toolVersion(), origin(), plan.history(), System.getenv());
        GatePolicy policy = plan.gate();
        Optional<Baseline> given = failingWith(reporter, reporter.nothingMeasured(plan.benchmark()),
                this::readBaselineBeforeMeasuring);
        RunResult first = measure(plan, plan.benchmark(), reporter, Optional.empty());
        Path file = baselinePath(first);
        Optional<Baseline> baseline = given.isPresent() ? given : failingWith(reporter, first, () -> readBaseline(file));
        Confirmation confirmation = new Confirmation(Gate.of(policy), policy.confirmRuns());
        Confirmation.Judged judged = confirmation.judge(first, baseline, shown(file),
                again -> measure(plan, again, reporter, Optional.of(first)), line -> getLog().info("commgate: " + line));
        RunResult run = judged.run();
        GateOutcome outcome = judged.outcome();
        BenchmarkTable.lines(run).forEach(getLog()::info);
        GateTable.lines(run, outcome).forEach(getLog()::info);
        long reportsStart = System.nanoTime();
        reporter.write(run, outcome, baseline);
        outcome.warnings().forEach(w -> getLog().warn("commgate: " + w));
        if (baseline.isEmpty() || outcome.baselineCoversNothing()) {
            writeCandidate(policy, run, baselineTarget(run, baseline));
        }
        logTiming(run, reportsStart);
        GateConclusion.conclude(getLog(), policy, outcome);
    }

    /** Measures; when the workers fail, the reports say ERROR with the reason and show what was measured before. */
    private RunResult measure(RunPlan plan, BenchmarkPlan benchmark, GateReporter reporter, Optional<RunResult> measuredBefore)
            throws MojoExecutionException {
        try {
            return measure(plan, benchmark);
        } catch (MeasurementFailedException e) {
            reporter.writeFailed(measuredBefore.orElse(e.measuredSoFar()), e.getMessage());
            throw e;
        } catch (MojoExecutionException e) {
            reporter.writeFailed(measuredBefore.orElseGet(() -> reporter.nothingMeasured(benchmark)), e.getMessage());
            throw e;
        }
    }

    /** Reads a baseline; one that cannot be read is infrastructure, so the reports say ERROR, with what was measured. */
    private static Optional<Baseline> failingWith(GateReporter reporter, RunResult measured, BaselineRead read)
            throws MojoExecutionException {
        try {
            return read.read();
        } catch (MojoExecutionException e) {
            reporter.writeFailed(measured, e.getMessage());
            throw e;
        }
    }

    @FunctionalInterface
    private interface BaselineRead {
        Optional<Baseline> read() throws MojoExecutionException;
    }

    /** What to commit when nothing could be compared: this run as a baseline, to review and copy. */
    private void writeCandidate(GatePolicy policy, RunResult run, Path file) throws MojoExecutionException {
        Path candidate = new BaselineRecorder(getLog(), policy.thresholds(), toolVersion(), projectDirectory())
                .writeCandidate(run, outputDirectory().resolve("baseline-candidate").resolve(file.getFileName()));
        getLog().warn("commgate: a candidate baseline from this run is in " + candidate + ": review it and copy it to "
                + shown(file) + ", or run mvn commgate:update-baseline (recordRuns pools several runs)");
    }
}

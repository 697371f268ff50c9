package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.Confirmation;
import io.github.commgate.gate.Gate;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.report.BenchmarkTable;
import io.github.commgate.report.GateTable;
import io.github.commgate.result.RunResult;
import java.nio.file.Path;
import java.util.List;
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

    /** Fail when this environment has no baseline; false warns and writes a candidate into target/commgate. */
    @Parameter(property = "commgate.requireBaseline", defaultValue = "false")
    private boolean requireBaseline;

    /**
     * How many times a regressed point is measured again before it may fail the build. On the cpu
     * backend up to 3 rounds are added while the re-measurement finds the ranks' CPUs farther
     * apart than the baseline's (docs/gate.md, "When the machine moves").
     */
    @Parameter(property = "commgate.confirmRuns", defaultValue = "1")
    private int confirmRuns;

    /**
     * Rounds added when the confirmation itself ran with the ranks' CPUs farther apart than the
     * baseline's (see RankDistance): a host moves its vCPUs back within seconds to minutes.
     */
    private static final int PLACEMENT_RETRIES = 3;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        GateReporter reporter = new GateReporter(getLog(), outputDirectory(), toolVersion());
        reporter.removePrevious();
        Gate gate = new Gate(thresholds(), allowEnvironmentMismatch());
        BenchmarkPlan plan = plan();
        RunResult run = measure(plan, reporter, Optional.empty());
        Path file = baselinePath(run);
        Optional<Baseline> baseline = readBaseline(file);
        GateOutcome outcome = judge(gate, run, baseline, file);
        int rounds = confirmRuns;
        for (int round = 1; round <= rounds && !outcome.suspects().isEmpty(); round++) {
            List<PointVerdict> suspects = outcome.suspects();
            String which = round <= confirmRuns ? round + " of " + confirmRuns : round + ", added because the ranks'"
                    + " CPUs were farther apart than the baseline's; at most " + (confirmRuns + PLACEMENT_RETRIES);
            getLog().info(String.format("commgate: measuring %d suspect point%s again (%s)", suspects.size(),
                    suspects.size() == 1 ? "" : "s", which));
            RunResult again = measure(Confirmation.planFor(plan, suspects), reporter, Optional.of(run));
            run = Confirmation.replacePoints(run, again, suspects);
            outcome = judge(gate, run, baseline, file);
            if (outcome.hasUnjudgedSuspects() && rounds < confirmRuns + PLACEMENT_RETRIES) {
                rounds++;
            }
        }
        BenchmarkTable.lines(run).forEach(getLog()::info);
        GateTable.lines(outcome).forEach(getLog()::info);
        reporter.write(run, outcome, baseline);
        if (baseline.isEmpty()) {
            noBaseline(run, file);
        } else {
            outcome.warnings().forEach(w -> getLog().warn("commgate: " + w));
        }
        conclude(outcome);
    }

    /** Measures; when the workers fail, the reports say ERROR with the reason and show what was measured before. */
    private RunResult measure(BenchmarkPlan plan, GateReporter reporter, Optional<RunResult> measuredBefore)
            throws MojoExecutionException {
        try {
            return measure(plan);
        } catch (MojoExecutionException e) {
            reporter.writeFailed(measuredBefore.orElseGet(() -> reporter.nothingMeasured(plan)), e.getMessage());
            throw e;
        }
    }

    private GateOutcome judge(Gate gate, RunResult run, Optional<Baseline> baseline, Path file) {
        return baseline.map(b -> gate.evaluate(run, b, shown(file))).orElseGet(() -> gate.evaluate(run, shown(file)));
    }

    private void noBaseline(RunResult run, Path file) throws MojoFailureException, MojoExecutionException {
        if (requireBaseline) {
            throw new MojoFailureException("commgate: no baseline " + shown(file) + " for this environment (requireBaseline);"
                    + " record one with mvn commgate:update-baseline");
        }
        Path candidate = new BaselineRecorder(getLog(), thresholds(), toolVersion(), projectDirectory())
                .writeCandidate(run, outputDirectory().resolve("baseline-candidate").resolve(file.getFileName()));
        getLog().warn("commgate: no baseline " + shown(file) + " for this environment; nothing was compared."
                + " A candidate from this run is in " + candidate + ": review it and copy it there, or run mvn commgate:update-baseline");
    }

    private void conclude(GateOutcome outcome) throws MojoFailureException, MojoExecutionException {
        switch (outcome.decision()) {
            case PASS -> {
                getLog().info("commgate: PASS: " + outcome.headline());
                if (!outcome.withVerdict(Verdict.IMPROVED).isEmpty()) {
                    getLog().info("commgate: some points improved; record them with mvn commgate:update-baseline");
                }
            }
            case NOT_COMPARABLE -> throw new MojoExecutionException("commgate: " + outcome.headline()
                    + "; set allowEnvironmentMismatch to compare anyway");
            case ERROR -> {
                outcome.errors().forEach(e -> getLog().error("commgate: " + e));
                throw new MojoExecutionException("commgate: " + outcome.headline());
            }
            case FAIL -> {
                outcome.violations().forEach(v -> {
                    if (failOnRegression) {
                        getLog().error("commgate: " + v);
                    } else {
                        getLog().warn("commgate: " + v);
                    }
                });
                if (failOnRegression) {
                    throw new MojoFailureException("commgate: " + outcome.headline() + "; see the log above and target/commgate/report.md");
                }
                getLog().warn("commgate: " + outcome.headline() + " (failOnRegression is false: the build goes on)");
            }
        }
    }
}

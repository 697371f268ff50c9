package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.result.RunResult;
import java.util.Optional;

/**
 * One run as every report format shows it, built once by the goal that ran it and handed to
 * each {@link ReportFormat}: the run's points, the lines that describe it, and, for the check
 * goal, the gate's {@link Judgement}. A format reads only this, so no format depends on another.
 *
 * @param run        everything measured, possibly nothing when the run failed early
 * @param machine    the hardware and library versions the numbers belong to
 * @param runLine    the backend, world size, dtype and the measuring protocol, in one line
 * @param judgement  empty for the benchmark goal, which judges nothing
 */
public record RunReport(RunResult run, String toolVersion, String machine, String runLine,
                        Optional<Judgement> judgement) {

    /** A run of the benchmark goal: measured, never compared with a baseline. */
    public static RunReport measured(RunResult run, String toolVersion) {
        return new RunReport(run, toolVersion, RunDescription.machine(run.environment()), RunDescription.plan(run.plan()),
                Optional.empty());
    }

    /**
     * A run the gate judged.
     *
     * @param baseline the baseline the outcome was judged against, if there was one; the reports
     *                 name where it came from and the chart draws it
     */
    public static RunReport judged(RunResult run, GateOutcome outcome, Optional<Baseline> baseline, String toolVersion) {
        return withJudgement(run, toolVersion, Judgement.of(outcome, baseline));
    }

    /**
     * A run that failed for an infrastructure reason (a rank died, timed out, could not start):
     * its reports say ERROR with {@code reason} and show every point it did measure.
     *
     * @param measuredSoFar the plan, the machine and the points measured before the failure, possibly none
     * @param reason        what went wrong, as the build's error message says it; may span lines (a log's tail)
     */
    public static RunReport failed(RunResult measuredSoFar, String reason, String toolVersion) {
        return withJudgement(measuredSoFar, toolVersion, Judgement.ofFailedRun(measuredSoFar, reason));
    }

    private static RunReport withJudgement(RunResult run, String toolVersion, Judgement judgement) {
        return new RunReport(run, toolVersion, RunDescription.machine(run.environment()), RunDescription.plan(run.plan()),
                Optional.of(judgement));
    }

    /** The judgement, for a format that shows one; a benchmark run handed to such a format is a programming error. */
    Judgement judgementFor(ReportFormat format) {
        return judgement.orElseThrow(() -> new IllegalArgumentException(format.fileName()
                + " shows the gate's judgement, and this run was not judged"));
    }
}

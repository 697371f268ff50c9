package io.github.commgate.gate;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Judges a run, measuring suspect points again before they may fail a build. A regression must
 * show in two independent runs (new worker JVMs, new communicators), because one run's noise is
 * not the next run's. Only suspects are replaced and the gate is not retried until it passes,
 * so re-measuring cannot turn noise into a pass more often than into a failure. While a
 * re-measurement finds the machine in a slower state than the baseline's ({@link MachineState}:
 * the ranks' CPUs farther apart, a GPU held down), rounds are added: a host moves its vCPUs back,
 * and a GPU cools, within seconds to minutes.
 */
public final class Confirmation {

    /** Rounds added while the confirmation itself ran in a slower machine state than the baseline's. */
    static final int PLACEMENT_RETRIES = 3;

    /** Measures a narrowed plan again, with fresh workers: the goal's own way of measuring. */
    @FunctionalInterface
    public interface Remeasure<E extends Exception> {
        RunResult measure(BenchmarkPlan plan) throws E;
    }

    /** The run as finally measured (suspects replaced by their last measurement) and the gate's answer. */
    public record Judged(RunResult run, GateOutcome outcome) {
    }

    private final Gate gate;
    private final int confirmRuns;

    /** @param confirmRuns times a suspect is measured again; 0 judges the first measurement alone */
    public Confirmation(Gate gate, int confirmRuns) {
        this.gate = gate;
        this.confirmRuns = confirmRuns;
    }

    /**
     * @param baselineName how messages name the baseline, usually its path
     * @param say          receives one line per round, for the user's log
     */
    public <E extends Exception> Judged judge(RunResult run, Optional<Baseline> baseline, String baselineName,
                                              Remeasure<E> again, Consumer<String> say) throws E {
        GateOutcome outcome = gate.evaluate(run, baseline, baselineName);
        int rounds = confirmRuns;
        for (int round = 1; round <= rounds && !outcome.suspects().isEmpty(); round++) {
            List<PointVerdict> suspects = outcome.suspects();
            say.accept(String.format("measuring %d suspect point%s again (%s)", suspects.size(),
                    suspects.size() == 1 ? "" : "s", roundName(round)));
            run = replacePoints(run, again.measure(planFor(run.plan(), suspects)), suspects);
            outcome = gate.evaluate(run, baseline, baselineName);
            if (outcome.hasUnjudgedSuspects() && rounds < confirmRuns + PLACEMENT_RETRIES) {
                rounds++;
            }
        }
        return new Judged(run, outcome);
    }

    private String roundName(int round) {
        return round <= confirmRuns ? round + " of " + confirmRuns : round + ", added because the machine was not in the"
                + " baseline's state; at most " + (confirmRuns + PLACEMENT_RETRIES);
    }

    /**
     * The plan that measures the suspects again: their communicators and sizes, every other
     * setting as in the original. A plan is a grid, so it may also measure a few non-suspect
     * points; {@link #replacePoints} ignores those.
     */
    static BenchmarkPlan planFor(BenchmarkPlan plan, List<PointVerdict> suspects) {
        if (suspects.isEmpty()) {
            throw new IllegalArgumentException("no suspect points to measure again");
        }
        return plan.restrictedTo(suspects.stream().map(PointVerdict::communicator).toList(),
                suspects.stream().map(PointVerdict::sequenceLength).toList());
    }

    /**
     * The original run with each suspect point replaced by its new measurement, and the
     * confirmation's environment, under which the suspects were measured. A suspect the
     * confirmation skipped or lacks keeps its first measurement, so a flaky skip cannot hide a
     * regression.
     */
    static RunResult replacePoints(RunResult run, RunResult confirmation, List<PointVerdict> suspects) {
        List<PointResult> points = run.points().stream()
                .map(point -> isSuspect(point, suspects) ? remeasured(point, confirmation) : point)
                .toList();
        // The suspects are judged as measured now, so on the machine as it is now (RankDistance).
        // The run's own start-up is the goal's: the confirmation's phases are not added to it.
        return new RunResult(run.plan(), confirmation.environment(), run.startedAt(), run.rendezvousSeconds(),
                run.totalSeconds() + confirmation.totalSeconds(), points, run.timing());
    }

    private static boolean isSuspect(PointResult point, List<PointVerdict> suspects) {
        return suspects.stream().anyMatch(s -> s.isFor(point.communicator(), point.sequenceLength()));
    }

    private static PointResult remeasured(PointResult original, RunResult confirmation) {
        return confirmation.point(original.communicator(), original.sequenceLength())
                .filter(p -> p.status() != PointStatus.SKIPPED)
                .orElse(original);
    }
}

package io.github.commgate.gate;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.util.List;

/**
 * Measuring suspect points again before they fail a build. A regression must show in two
 * independent runs (new worker JVMs, new communicators), which is what users of benchmark gates
 * ask for (react_on_rails #3670) because one run's noise is not the next run's. Only suspects
 * are replaced and the gate is not retried until it passes, so re-measuring cannot turn noise
 * into a pass more often than into a failure.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * The plan that measures the suspects again: their communicators and sizes, every other
     * setting as in the original. A plan is a grid, so it may also measure a few non-suspect
     * points; {@link #replacePoints} ignores those.
     */
    public static BenchmarkPlan planFor(BenchmarkPlan plan, List<PointVerdict> suspects) {
        if (suspects.isEmpty()) {
            throw new IllegalArgumentException("no suspect points to measure again");
        }
        List<String> communicators = plan.communicators().stream()
                .filter(c -> suspects.stream().anyMatch(s -> s.communicator().equals(c))).toList();
        List<Integer> sequenceLengths = plan.sequenceLengths().stream()
                .filter(length -> suspects.stream().anyMatch(s -> s.sequenceLength() == length)).toList();
        return new BenchmarkPlan(plan.backend(), plan.worldSize(), communicators, sequenceLengths, plan.hiddenSize(),
                plan.dtype(), plan.warmups(), plan.trials(), plan.cycles());
    }

    /**
     * The original run with each suspect point replaced by its new measurement, and the
     * confirmation's environment, under which the suspects were measured. A suspect the
     * confirmation skipped or lacks keeps its first measurement, so a flaky skip cannot hide a
     * regression.
     */
    public static RunResult replacePoints(RunResult run, RunResult confirmation, List<PointVerdict> suspects) {
        List<PointResult> points = run.points().stream()
                .map(point -> isSuspect(point, suspects) ? remeasured(point, confirmation) : point)
                .toList();
        // The suspects are judged as measured now, so on the machine as it is now (RankDistance).
        return new RunResult(run.plan(), confirmation.environment(), run.startedAt(), run.rendezvousSeconds(),
                run.totalSeconds() + confirmation.totalSeconds(), points);
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

package io.github.commgate.result;

import io.github.commgate.plan.BenchmarkPlan;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run: the plan, where it ran, every point, and how long the parts took.
 *
 * @param environment        what identifies the machine (JVM, OS, CPU model, ...), as text
 * @param rendezvousSeconds  from the goal's start to the moment the first point began measuring
 *                           (forking the workers, connecting, setting up communicators)
 * @param timing             where the wall time went, phase by phase; empty where not measured
 */
public record RunResult(BenchmarkPlan plan, Map<String, String> environment, Instant startedAt,
                        double rendezvousSeconds, double totalSeconds, List<PointResult> points, RunTiming timing) {

    public RunResult {
        environment = Map.copyOf(environment);
        points = List.copyOf(points);
    }

    /** A run whose phases were not timed: pooled from several runs, or read from an older file. */
    public RunResult(BenchmarkPlan plan, Map<String, String> environment, Instant startedAt,
                     double rendezvousSeconds, double totalSeconds, List<PointResult> points) {
        this(plan, environment, startedAt, rendezvousSeconds, totalSeconds, points, RunTiming.NONE);
    }

    public RunResult withTiming(RunTiming phases) {
        return new RunResult(plan, environment, startedAt, rendezvousSeconds, totalSeconds, points, phases);
    }

    public Optional<PointResult> point(String communicator, int sequenceLength) {
        return points.stream()
                .filter(p -> p.communicator().equals(communicator) && p.sequenceLength() == sequenceLength)
                .findFirst();
    }

    /**
     * The communicator that was fastest at this size: the lowest median among the plan's
     * communicators that measured it correctly; the first in the plan's order on a tie.
     */
    public Optional<PointResult> fastestAt(int sequenceLength) {
        return plan.communicators().stream()
                .map(c -> point(c, sequenceLength)).flatMap(Optional::stream)
                .filter(p -> p.status() == PointStatus.MEASURED)
                .min(Comparator.comparingDouble(PointResult::medianMicros));
    }
}

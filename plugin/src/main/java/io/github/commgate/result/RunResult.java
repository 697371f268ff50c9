package io.github.commgate.result;

import io.github.commgate.plan.BenchmarkPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run: the plan, where it ran, every point, and how long the parts took.
 *
 * @param environment        what identifies the machine (JVM, OS, CPU model, ...), as text
 * @param rendezvousSeconds  from the goal's start to the moment the first point began measuring
 *                           (forking the workers, connecting, setting up communicators)
 */
public record RunResult(BenchmarkPlan plan, Map<String, String> environment, Instant startedAt,
                        double rendezvousSeconds, double totalSeconds, List<PointResult> points) {

    public RunResult {
        environment = Map.copyOf(environment);
        points = List.copyOf(points);
    }

    public Optional<PointResult> point(String communicator, int sequenceLength) {
        return points.stream()
                .filter(p -> p.communicator().equals(communicator) && p.sequenceLength() == sequenceLength)
                .findFirst();
    }
}

package io.github.commgate.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several runs of one plan as one: every point keeps every run's trials, rank by rank. A baseline
 * recorded from one run inherits that run's luck (a run that came out 15 % fast makes every later
 * check look slow); pooled runs give the spread between runs, not only within one.
 */
public final class PooledRuns {

    private PooledRuns() {
    }

    /** The first run's plan and environment, every run's samples; a point wrong in any run stays wrong. */
    public static RunResult pool(List<RunResult> runs) {
        RunResult first = runs.get(0);
        if (runs.size() == 1) {
            return first;
        }
        List<PointResult> points = new ArrayList<>();
        for (PointResult point : first.points()) {
            List<PointResult> same = runs.stream()
                    .map(r -> r.point(point.communicator(), point.sequenceLength()).orElse(point)).toList();
            points.add(pool(point, same));
        }
        double total = runs.stream().mapToDouble(RunResult::totalSeconds).sum();
        return new RunResult(first.plan(), first.environment(), first.startedAt(), first.rendezvousSeconds(), total, points);
    }

    private static PointResult pool(PointResult first, List<PointResult> runs) {
        for (PointResult run : runs) {
            if (run.status() != PointStatus.MEASURED) {
                return run;
            }
        }
        double[][] ranks = new double[first.worldSize()][];
        List<String> mismatches = new ArrayList<>();
        for (int rank = 0; rank < ranks.length; rank++) {
            int r = rank;
            ranks[rank] = runs.stream().flatMapToDouble(p -> Arrays.stream(p.rankLatencyMicros()[r])).toArray();
        }
        runs.forEach(p -> mismatches.addAll(p.mismatches()));
        return new PointResult(first.communicator(), first.sequenceLength(), first.hiddenSize(), first.bytes(),
                first.worldSize(), first.status(), first.skipReason(), ranks, mismatches, first.hostMicros());
    }
}

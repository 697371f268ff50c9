package io.github.commgate.launch;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RankPointResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The launcher's bookkeeping: who connected, finished and exited, and which points are complete. */
final class RunProgress {

    private final BenchmarkPlan plan;
    private final Set<Integer> connected = new HashSet<>();
    private final Set<Integer> finished = new HashSet<>();
    private final Set<Integer> exited = new HashSet<>();
    private final Map<String, List<RankPointResult>> pending = new HashMap<>();
    private final Map<Integer, Integer> reportedByRank = new HashMap<>();
    private final List<PointResult> results = new ArrayList<>();
    private long firstStartMillis = Long.MAX_VALUE;
    private Map<String, String> environment = Map.of();
    private final Map<String, Double> slowestPhases = new HashMap<>();

    RunProgress(BenchmarkPlan plan) {
        this.plan = plan;
    }

    /** Records a connection; returns how many ranks have connected. */
    int connected(int rank) {
        connected.add(rank);
        return connected.size();
    }

    boolean isConnected(int rank) {
        return connected.contains(rank);
    }

    /** Records one rank's report; returns the combined point once every rank has reported it. */
    PointResult report(RankPointResult result) {
        firstStartMillis = Math.min(firstStartMillis, result.startedAtEpochMillis());
        reportedByRank.merge(result.rank(), 1, Integer::sum);
        String key = result.communicator() + "@" + result.sequenceLength();
        List<RankPointResult> ranks = pending.computeIfAbsent(key, k -> new ArrayList<>());
        ranks.add(result);
        if (ranks.size() < plan.worldSize()) {
            return null;
        }
        pending.remove(key);
        PointResult point = PointResult.combine(ranks, plan.hiddenSize(), plan.point(result.sequenceLength()).bytes());
        results.add(point);
        return point;
    }

    /** Keeps rank 0's account: all ranks of one node see the same libraries. */
    void environment(int rank, Map<String, String> facts) {
        if (rank == 0) {
            environment = Map.copyOf(facts);
        }
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Keeps, per phase, the slowest rank's time: the ranks wait for each other. */
    void timing(Map<String, Double> seconds) {
        seconds.forEach((phase, value) -> slowestPhases.merge(phase, value, Math::max));
    }

    Map<String, Double> slowestPhases() {
        return Map.copyOf(slowestPhases);
    }

    void finished(int rank) {
        finished.add(rank);
    }

    boolean hasFinished(int rank) {
        return finished.contains(rank);
    }

    void exited(int rank) {
        exited.add(rank);
    }

    boolean allExited() {
        return exited.size() == plan.worldSize();
    }

    List<Integer> unfinishedRanks() {
        return IntStream.range(0, plan.worldSize()).filter(r -> !finished.contains(r)).boxed().toList();
    }

    /** How many points {@code rank} has reported; it measures them in plan order. */
    int reportedBy(int rank) {
        return reportedByRank.getOrDefault(rank, 0);
    }

    BenchmarkPlan plan() {
        return plan;
    }

    int completedPoints() {
        return results.size();
    }

    int totalPoints() {
        return plan.points().size();
    }

    List<PointResult> results() {
        return List.copyOf(results);
    }

    long firstStartMillis() {
        return firstStartMillis;
    }
}

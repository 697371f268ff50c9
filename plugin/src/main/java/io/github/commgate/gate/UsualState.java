package io.github.commgate.gate;

import io.github.commgate.machine.GpuState;
import io.github.commgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which recording runs found the machine in its usual state, the one a baseline must hold: the
 * ranks' CPUs on the nearest placement the runs met (see {@link RankDistance}), and GPUs that
 * neither held their clocks down nor were shared with another process (see {@link GpuState}).
 * update-baseline measures again while fewer runs than it records are usual, so a baseline is
 * not recorded from a moment in which the machine was slower than it usually is.
 */
public final class UsualState {

    /** Runs measured beyond recordRuns at most, waiting for the usual state. */
    public static final int EXTRA_RUNS = 3;

    private UsualState() {
    }

    /** The usual runs among {@code runs}, in their order. */
    public static List<RunResult> among(List<RunResult> runs) {
        List<RunResult> nearest = RankDistance.nearestPlacement(runs);
        return nearest.stream().filter(run -> gpuSlowdown(run).isEmpty()).toList();
    }

    /**
     * The runs a baseline of {@code recordRuns} pools: the usual ones, unless fewer than two of
     * them (of more than one asked for) are usual; then all of them. One run has no run-to-run
     * spread, so its points would fall back to the fixed limits, and where the machine's state
     * changes that often, the spread of all the runs is the honest one.
     */
    public static List<RunResult> pooled(List<RunResult> runs, int recordRuns) {
        List<RunResult> usual = among(runs);
        return usual.size() < Math.min(2, recordRuns) ? runs : usual;
    }

    /** Why {@code run} is not in the usual state the {@code runs} it belongs to show; empty where it is. */
    public static List<String> why(RunResult run, List<RunResult> runs) {
        List<String> reasons = new ArrayList<>();
        if (!RankDistance.nearestPlacement(runs).contains(run)) {
            reasons.add("the ranks' CPUs were farther apart than in the nearest run");
        }
        reasons.addAll(gpuSlowdown(run));
        return reasons;
    }

    private static List<String> gpuSlowdown(RunResult run) {
        // Against no facts at all: any clock event that holds clocks down, any other process.
        return GpuState.slowerThan(run.environment(), Map.of());
    }
}

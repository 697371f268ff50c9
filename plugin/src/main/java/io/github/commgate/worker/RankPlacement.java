package io.github.commgate.worker;

import io.github.commgate.plan.Launcher;
import java.util.Map;

/**
 * A worker's place in its run, read from the variables of whatever started it: commgate's own
 * (the local launcher) or the engine's ({@link Launcher} names them), so that mpirun and srun
 * need no wrapper that translates them.
 *
 * @param worldSize as many ranks as the launcher started; checked against the plan's after joining
 * @param localRank the rank among those on this node, which picks its GPU
 */
record RankPlacement(int rank, int worldSize, int localRank) {

    /** @throws IllegalArgumentException naming the variable that is missing or not a number */
    static RankPlacement from(Launcher launcher, Map<String, String> environment) {
        int rank = number(launcher, environment, launcher.rankVariable());
        int worldSize = number(launcher, environment, launcher.sizeVariable());
        int localRank = number(launcher, environment, launcher.localRankVariable());
        if (rank < 0 || rank >= worldSize || localRank < 0) {
            throw new IllegalArgumentException(String.format("%s says rank %d (%s) of %d (%s), local rank %d (%s), which cannot be",
                    launcher, rank, launcher.rankVariable(), worldSize, launcher.sizeVariable(), localRank, launcher.localRankVariable()));
        }
        return new RankPlacement(rank, worldSize, localRank);
    }

    /** Why the launcher's rank count cannot serve a plan of {@code planned} ranks, or null when it can. */
    String mismatch(Launcher launcher, int planned) {
        if (worldSize == planned) {
            return null;
        }
        return String.format("%s started %d ranks (%s), but this run has world size %d; leave the rank count to commgate's worldSize",
                launcher, worldSize, launcher.sizeVariable(), planned);
    }

    private static int number(Launcher launcher, Map<String, String> environment, String variable) {
        String text = environment.get(variable);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set: this worker was not started by " + launcher
                    + (launcher.isEngine() ? "" : " (workers are started by the commgate plugin, not by hand)"));
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is '" + text + "', not a number");
        }
    }
}

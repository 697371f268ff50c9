package io.github.commgate.protocol;

import io.github.commgate.plan.Launcher;

/**
 * The environment variables through which the launcher tells a worker how to join its run.
 * Named here, between the two sides, so neither imports the other.
 */
public final class WorkerEnvironment {

    /** host:port of the coordinator. */
    public static final String COORDINATOR = "COMMGATE_COORDINATOR";
    /**
     * The run's secret; in the environment, never on a command line, where other users could read
     * it. The coordinator's connection never carries it: worker and coordinator prove it to each other ({@link SecretProof}).
     */
    public static final String TOKEN = "COMMGATE_TOKEN";
    /** local, mpirun or srun: where a worker finds its rank (plan.Launcher names each engine's variables). */
    public static final String LAUNCHER = "COMMGATE_LAUNCHER";
    /** The name of this rank's node, where the host name does not tell nodes apart; default: the host name. */
    public static final String NODE_NAME = "COMMGATE_NODE_NAME";
    /** A local run's placement, named once where the engines' names are (plan.Launcher). */
    public static final String RANK = Launcher.LOCAL.rankVariable();
    public static final String WORLD_SIZE = Launcher.LOCAL.sizeVariable();
    public static final String LOCAL_RANK = Launcher.LOCAL.localRankVariable();
    /** The owner-only directory of the run's shared-memory files. */
    public static final String SCRATCH_DIRECTORY = "COMMGATE_SCRATCH_DIR";
    /**
     * The plan's backend ({@code cpu} or {@code cuda}), known before the plan arrives, so that a
     * worker loads its native libraries while it joins the coordinator.
     */
    public static final String BACKEND = "COMMGATE_BACKEND";

    private WorkerEnvironment() {
    }
}

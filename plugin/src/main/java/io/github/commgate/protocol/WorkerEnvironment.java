package io.github.commgate.protocol;

/**
 * The environment variables through which the launcher tells a worker how to join its run.
 * Named here, between the two sides, so neither imports the other.
 */
public final class WorkerEnvironment {

    /** host:port of the coordinator. */
    public static final String COORDINATOR = "COMMGATE_COORDINATOR";
    /** The run's secret; in the environment, never on a command line, where other users could read it. */
    public static final String TOKEN = "COMMGATE_TOKEN";
    public static final String RANK = "COMMGATE_RANK";
    public static final String WORLD_SIZE = "COMMGATE_WORLD_SIZE";
    public static final String LOCAL_RANK = "COMMGATE_LOCAL_RANK";
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

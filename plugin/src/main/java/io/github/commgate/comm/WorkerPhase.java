package io.github.commgate.comm;

/**
 * Where a worker's time goes, from the plan's arrival to its goodbye: what start-up costs and
 * what the points cost beside their timed rounds. Each rank adds up its own; the host reports
 * the slowest rank's time in each phase (docs/measurement.md, "Where the time goes").
 *
 * @param key   the name in results.json's {@code timing.workers}
 * @param label the name in the console's one-line breakdown
 */
public enum WorkerPhase {
    /** Loading native libraries: JavaCPP's presets of CUDA and NCCL and their JNI libraries. */
    LIBRARIES("libraries", "libraries"),
    /** Selecting the GPU, creating its context (module loading happens here) and stream. */
    DEVICE("device", "CUDA"),
    /** Creating the NCCL communicator (unique id, all-gather, ncclCommInitRank). */
    NCCL("nccl", "NCCL"),
    /** Opening each communicator: buffers, IPC handles exchanged, kernels looked up, shared files mapped. */
    SETUP("setup", "setup"),
    /** The machine facts a rank reports (GPU state, barrier latency). */
    FACTS("facts", "facts"),
    /** Computing the exact-sum inputs and sums, and writing the inputs where the all-reduce reads them. */
    INPUTS("inputs", "inputs"),
    /** Eager all-reduces, capturing and instantiating the CUDA graph. */
    GRAPHS("graphs", "graphs"),
    /** Untimed rounds before the trials. */
    WARMUP("warmup", "warm-up"),
    /** The timed rounds themselves. */
    TIMED("timed", "timed"),
    /** The exact check after the timed rounds: poison, one more all-reduce, read back, compare. */
    CHECKS("checks", "checks"),
    /** Waiting at barriers for the other ranks. */
    WAITING("waiting", "waiting"),
    /** Closing the communicators and the device. */
    TEARDOWN("teardown", "teardown");

    private final String key;
    private final String label;

    WorkerPhase(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}

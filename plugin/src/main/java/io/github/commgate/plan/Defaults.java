package io.github.commgate.plan;

import java.util.List;

/**
 * Every parameter's default, declared once. The mojos' {@code @Parameter(defaultValue = ...)}
 * read these constants (the compiler folds them into the annotations, so {@code mvn
 * help:describe} shows them), and {@link RunSettings#builder()} starts from them.
 */
public final class Defaults {

    public static final String BACKEND = "auto";
    public static final String DTYPE = "bf16";
    /** The second dimension of vLLM's benchmark tensors. */
    public static final int HIDDEN_SIZE = 8192;
    public static final int WARMUPS = 5;
    public static final int TRIALS = 50;
    public static final int CYCLES = 10;
    /** 8 MiB: the largest all-reduce our kernels take by default, as vLLM caps its custom all-reduce. */
    public static final long CUSTOM_MAX_BYTES = 8L << 20;
    /** 0: every all-reduce of a point reuses one buffer (warm, as vLLM's benchmark); see MeasuringProtocol. */
    public static final long ROTATING_BUFFER_BYTES = 0;
    public static final int TIMEOUT_SECONDS = 600;
    /** The default timeout of the run ahead, with room for its reports. */
    public static final int LOCK_TIMEOUT_SECONDS = 900;
    /**
     * The fixed rule of a baseline without per-run medians (recorded by an older commgate or
     * from one run): 10 %, the common choice of CodSpeed and asv, and at least a microsecond.
     * Baselines with per-run medians get limits from their own noise instead (gate.Limits).
     */
    public static final double THRESHOLD_PERCENT = 10.0;
    public static final double FLOOR_MICROS = 1.0;
    /**
     * Stricter than benchstat's 0.05, for two reasons. A build checks dozens of points (7
     * communicators x 6 sizes), so at 0.05 every few builds would carry a chance-significant
     * point. And the test treats trials of one run as independent, while real noise also drifts
     * between runs, so its p-values are optimistic; asv uses 0.002 for the same reason. With
     * the default 50 trials a 10 % shift still gives p far below 0.01, so the stricter level
     * costs no power where the threshold matters.
     */
    public static final double ALPHA = 0.01;
    public static final int CONFIRM_RUNS = 1;
    /** Independent runs pooled into a baseline, so it holds the spread between runs. */
    public static final int RECORD_RUNS = 3;
    /**
     * The history's directory under the reports' (target/commgate/history), so a build writes
     * nothing outside target and {@code mvn clean} starts a new history; CI keeps it between runs
     * as a cache or an artifact (docs/ci.md), or points historyDirectory elsewhere.
     */
    public static final String HISTORY_DIRECTORY_NAME = "history";
    /** A month of daily builds: enough for a level step and a creep to show, few enough for a small chart. */
    public static final int TREND_RUNS = 30;
    public static final int CPU_WORLD_SIZE = 2;
    /** One node's worth: the most GPUs one host carries, and what shared memory between JVMs serves. */
    public static final int MAX_WORLD_SIZE = 8;
    /**
     * The ranks a cuda run may span under an engine (mpirun, srun), across nodes: 128 nodes of 8
     * GPUs, beyond which one coordinator's all-gathers of NCCL ids and barriers become the cost.
     */
    public static final int MAX_ENGINE_WORLD_SIZE = 1024;
    /** Today's forked JVMs on the Maven host; mpirun and srun start them through a site's engine. */
    public static final String LAUNCHER = "local";
    /** 256 KiB to 32 MiB in bf16: the sizes where one-shot and two-shot cross over, a sweep a 2-core runner finishes well within a minute. */
    public static final List<Integer> CPU_SEQUENCE_LENGTHS = List.of(16, 64, 128, 512, 2048);
    /**
     * Those of vLLM's benchmark_device_communicators.py today: 256 KiB to 128 MiB in bf16, from
     * where one-shot kernels win to where NCCL's ring reaches its bandwidth.
     */
    public static final List<Integer> GPU_SEQUENCE_LENGTHS = List.of(16, 64, 128, 512, 1024, 2048, 4096, 8192);

    private Defaults() {
    }
}

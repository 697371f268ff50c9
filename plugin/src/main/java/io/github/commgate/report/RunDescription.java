package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.history.RunOrigin;
import io.github.commgate.history.Timestamps;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.Units;
import java.util.Locale;
import java.util.Map;

/** The lines that say what a run was and where its baseline came from, as the console and every report word them. */
final class RunDescription {

    private RunDescription() {
    }

    /** The hardware and the library versions the numbers belong to, and how the ranks were placed. */
    static String machine(Map<String, String> env) {
        if (env.containsKey(MachineFacts.GPU_MODEL)) {
            return String.format("%s (%s of them visible), driver %s, CUDA runtime %s, NCCL %s%s%s",
                    env.get(MachineFacts.GPU_MODEL), env.getOrDefault(MachineFacts.GPU_COUNT, "?"), env.getOrDefault(MachineFacts.DRIVER, "unknown"),
                    env.getOrDefault(MachineFacts.CUDA_RUNTIME, "unknown"), env.getOrDefault(MachineFacts.NCCL_VERSION, "unknown"),
                    gpuState(env), placement(env));
        }
        String barrier = env.containsKey(MachineFacts.SHM_BARRIER_NS) ? ", shared-memory barrier " + env.get(MachineFacts.SHM_BARRIER_NS) + " ns" : "";
        return String.format("%s, %s cores, Java %s%s%s", env.getOrDefault(MachineFacts.CPU_MODEL, "unknown CPU"),
                env.getOrDefault(MachineFacts.CPU_COUNT, "?"), env.getOrDefault(MachineFacts.JAVA_VERSION, "?"), barrier,
                placement(env));
    }

    /** "; 2 nodes x 4 ranks, started by srun", where the ranks told their nodes. */
    private static String placement(Map<String, String> env) {
        if (!env.containsKey(MachineFacts.NODE_COUNT)) {
            return "";
        }
        String nodes = env.get(MachineFacts.NODE_COUNT);
        String launcher = env.containsKey(MachineFacts.LAUNCHER) ? ", started by " + env.get(MachineFacts.LAUNCHER) : "";
        return String.format("; %s node%s x %s ranks%s", nodes, "1".equals(nodes) ? "" : "s",
                env.getOrDefault(MachineFacts.RANKS_PER_NODE, "?"), launcher);
    }

    /** "; SM 1980 MHz, 41 C, 312 W, clocks held: none, other processes: 0", where NVML was read. */
    private static String gpuState(Map<String, String> env) {
        if (!env.containsKey(MachineFacts.GPU_SM_CLOCK_MHZ)) {
            return env.containsKey(MachineFacts.GPU_STATE_UNREAD) ? "; GPU state " + env.get(MachineFacts.GPU_STATE_UNREAD) : "";
        }
        return String.format("; SM %s MHz, %s C, %s W, clocks held: %s, other processes: %s",
                env.get(MachineFacts.GPU_SM_CLOCK_MHZ), env.getOrDefault(MachineFacts.GPU_TEMPERATURE_C, "?"),
                env.getOrDefault(MachineFacts.GPU_POWER_W, "?"), env.getOrDefault(MachineFacts.GPU_CLOCK_EVENTS, "?"),
                env.getOrDefault(MachineFacts.GPU_FOREIGN_PROCESSES, "?"));
    }

    /** "cpu backend, world size 2, bf16, hidden size 8192; 5 warm-ups, 10 trials of 10 all-reduces". */
    static String plan(BenchmarkPlan plan) {
        return String.format("%s backend, world size %d, %s, hidden size %d; %d warm-ups, %d trials of %d all-reduces",
                plan.backend().label(), plan.worldSize(), plan.dtype().label(), plan.hiddenSize(), plan.protocol().warmups(),
                plan.protocol().trials(), plan.protocol().cycles()) + cacheView(plan.protocol());
    }

    /**
     * "; cache-cold: all-reduce k of a round moves k sizes through 256 MiB buffers (as nccl-tests)",
     * or nothing for the warm view, which is the default and vLLM's.
     */
    static String cacheView(MeasuringProtocol protocol) {
        return protocol.rotates()
                ? "; cache-cold: all-reduce k of a round moves k sizes through " + Units.size(protocol.rotatingBufferBytes())
                        + " buffers (as nccl-tests)"
                : "";
    }

    /** "2026-11-24 06:00 UTC, commit 0123abc on main, 10.0 s": when a run started, from what code, and how long it took. */
    static String started(RunResult run, RunOrigin origin) {
        String revision = origin.revision();
        return Timestamps.readable(run.startedAt()) + (revision.isEmpty() ? "" : ", " + revision)
                + String.format(Locale.ROOT, ", %.1f s", run.totalSeconds());
    }

    /** "2026-11-24 06:00 UTC by commgate 0.1.0 on ci-runner-1, commit 0123abc; reason: ...". */
    static String recorded(Baseline baseline) {
        Provenance provenance = baseline.provenance();
        StringBuilder line = new StringBuilder(Timestamps.readable(provenance.recordedAt()))
                .append(" by commgate ").append(provenance.toolVersion());
        if (baseline.host() != null) {
            line.append(" on ").append(baseline.host());
        }
        if (provenance.gitCommit() != null) {
            line.append(", commit ").append(new RunOrigin("", provenance.gitCommit(), null).shortCommit().orElseThrow());
        }
        if (baseline.reason() != null) {
            line.append("; reason: ").append(baseline.reason());
        }
        return line.toString();
    }
}

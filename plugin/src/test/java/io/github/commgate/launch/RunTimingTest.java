package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RunTiming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real workers on the cpu backend tell the host where their time went. */
class RunTimingTest {

    @TempDir
    Path directory;

    @Test
    void aCpuRunReportsTheLaunchersPhasesAndTheSlowestRanksPhases() throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot", "shm-twoshot")
                .sequenceLengths(1, 16).hiddenSize(8192).dtype(DType.BF16).protocol(1, 5, 2).build();
        long start = System.nanoTime();
        WorkerLauncher.Outcome outcome = new WorkerLauncher(TestLaunches.settings(TestLaunches.JAVA, directory, 120),
                new RecordingProgress()).run(plan);
        double wall = (System.nanoTime() - start) / 1e9;

        RunTiming timing = outcome.timing();
        assertEquals(List.of(RunTiming.LOCK_WAIT, RunTiming.FORK, RunTiming.JVM_START, RunTiming.MEASURING),
                List.copyOf(timing.host().keySet()));
        // The cpu backend loads no library, starts no CUDA or NCCL and captures no graph.
        assertEquals(List.of("setup", "facts", "inputs", "warmup", "timed", "checks", "waiting", "teardown"),
                List.copyOf(timing.workers().keySet()));
        for (Map.Entry<String, Double> phase : timing.workers().entrySet()) {
            assertTrue(phase.getValue() > 0 && phase.getValue() < timing.host().get(RunTiming.MEASURING), phase.toString());
        }
        double launched = timing.host().get(RunTiming.JVM_START) + timing.host().get(RunTiming.MEASURING);
        assertTrue(launched <= wall && timing.host().get(RunTiming.JVM_START) > 0, timing + " in " + wall + " s");
    }
}

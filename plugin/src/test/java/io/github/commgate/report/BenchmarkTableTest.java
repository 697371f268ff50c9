package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.GoldenFiles;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RankPointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.RunTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTableTest {

    static RunResult sampleRun() {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2)
                .communicators("shm-oneshot", "shm-twoshot").sequenceLengths(16, 64).hiddenSize(8192)
                .dtype(DType.BF16).protocol(5, 3, 10).build();
        List<PointResult> points = List.of(
                point(plan, "shm-oneshot", 16, new double[] {40, 42, 41}, new double[] {41, 40, 45}),
                point(plan, "shm-twoshot", 16, new double[] {60, 61, 59}, new double[] {58, 62, 60}),
                point(plan, "shm-oneshot", 64, new double[] {300, 310, 305}, new double[] {301, 302, 303}),
                PointResult.combine(List.of(
                        RankPointResult.skipped(0, "shm-twoshot", 64, 0, "too large"),
                        RankPointResult.skipped(1, "shm-twoshot", 64, 0, "too large")), 8192, plan.point(64).bytes()));
        return new RunResult(plan, Map.of("cpu_model", "Test CPU", "cpu_count", "2"),
                Instant.parse("2026-11-24T06:00:00Z"), 0.75, 12.5, points).withTiming(TIMING);
    }

    /** The phases of a cpu run: no libraries, CUDA or NCCL. */
    static final RunTiming TIMING = new RunTiming(
            Map.of(RunTiming.PLAN, 0.05, RunTiming.LOCK_WAIT, 0.0, RunTiming.FORK, 0.01, RunTiming.JVM_START, 0.42,
                    RunTiming.FIRST_POINT, 0.72, RunTiming.MEASURING, 12.03, RunTiming.TOTAL, 12.55),
            Map.of("setup", 0.02, "facts", 0.11, "inputs", 0.2, "warmup", 3.1, "timed", 7.5, "checks", 0.4, "waiting", 0.3,
                    "teardown", 0.01));

    private static PointResult point(BenchmarkPlan plan, String communicator, int sequenceLength, double[] rank0, double[] rank1) {
        return PointResult.combine(List.of(
                new RankPointResult(0, communicator, sequenceLength, 0, null, rank0, 0, ""),
                new RankPointResult(1, communicator, sequenceLength, 0, null, rank1, 0, "")), 8192, plan.point(sequenceLength).bytes());
    }

    @Test
    void tableMatchesTheGoldenFile() throws IOException {
        GoldenFiles.assertMatches("benchmark-table.txt", String.join("\n", BenchmarkTable.lines(sampleRun())) + "\n");
    }

    @Test
    void jsonMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        Path json = directory.resolve("benchmark.json");
        ReportFiles.write(json, RunReport.measured(sampleRun(), "0.0.0-test"), ReportFormats.BENCHMARK_JSON);
        GoldenFiles.assertMatches("benchmark.json", Files.readString(json).replace("\r\n", "\n") + "\n");
    }

    @Test
    void fastestNamesTheSpeedupOverTheReference() {
        assertEquals("shm-oneshot (1.43x)", SpeedupInfo.text(sampleRun(), 16, "shm-twoshot"));
        assertEquals("shm-oneshot (1.00x)", SpeedupInfo.text(sampleRun(), 64, "shm-oneshot"));
        assertEquals("shm-oneshot (N/A)", SpeedupInfo.text(sampleRun(), 64, "shm-twoshot"));
    }

    @Test
    void aGpuRunNamesTheGpuDriverRuntimeAndNccl() {
        RunResult cpu = sampleRun();
        RunResult gpu = new RunResult(cpu.plan(), Map.of("gpu_model", "NVIDIA H100 80GB HBM3", "gpu_count", "8",
                "driver", "580.159.04", "cuda_runtime", "13.0", "nccl_version", "2.28.3"), cpu.startedAt(), 1, 2, cpu.points());
        assertEquals("NVIDIA H100 80GB HBM3 (8 of them visible), driver 580.159.04, CUDA runtime 13.0, NCCL 2.28.3",
                RunDescription.machine(gpu.environment()));
    }

    static String golden(String name) throws IOException {
        return GoldenFiles.read(name);
    }
}

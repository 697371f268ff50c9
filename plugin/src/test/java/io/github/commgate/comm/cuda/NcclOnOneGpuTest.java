package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.launch.LaunchException;
import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.launch.ProgressListener;
import io.github.commgate.launch.WorkerLauncher;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a machine with one NVIDIA GPU: real forked workers, real NCCL, real CUDA graphs. */
@Tag("gpu")
class NcclOnOneGpuTest {

    @TempDir
    Path directory;

    private LaunchSettings settings(Map<String, String> environment) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        return new LaunchSettings(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                environment, classpath, directory.resolve("logs"), Duration.ofSeconds(300));
    }

    private WorkerLauncher.Outcome run(BenchmarkPlan plan) throws Exception {
        return launcher(Map.of("NCCL_NVLS_ENABLE", "0")).run(plan);
    }

    private WorkerLauncher launcher(Map<String, String> environment) {
        return new WorkerLauncher(settings(environment), new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                System.out.printf("[%d/%d] %s %d: %s %.2f us%n", index, total, point.communicator(), point.sequenceLength(),
                        point.status(), point.medianMicros());
            }
        });
    }

    @Test
    void ncclAllReducesCorrectlyForEveryDtypeAndNamesTheGpu() throws Exception {
        for (DType dtype : DType.values()) {
            BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1).communicators("nccl")
                    .sequenceLengths(1, 3, 64).hiddenSize(8192).dtype(dtype).protocol(2, 5, 10).build();
            WorkerLauncher.Outcome outcome = run(plan);
            assertEquals(3, outcome.points().size());
            for (PointResult point : outcome.points()) {
                assertEquals(PointStatus.MEASURED, point.status(), point.mismatches().toString());
                assertEquals(5, point.samplesMicros().length);
                assertTrue(point.medianMicros() > 0 && point.medianMicros() < 10_000, "median " + point.medianMicros());
                assertTrue(point.hostMicros() > 0, "host figure " + point.hostMicros());
            }
            assertTrue(outcome.rankEnvironment().get("gpu_model").contains("NVIDIA"), outcome.rankEnvironment().toString());
            assertTrue(outcome.rankEnvironment().get("nccl_version").matches("2\\.\\d+\\.\\d+"), outcome.rankEnvironment().toString());
        }
    }

    @Test
    void ncclSymmetricMemoryIsSkippedWithItsReasonOnOneRank() throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1).communicators("nccl-symm")
                .sequenceLengths(1).hiddenSize(8192).dtype(DType.BF16).protocol(1, 2, 10).build();
        PointResult point = run(plan).points().get(0);
        assertEquals(PointStatus.SKIPPED, point.status());
        assertEquals("symmetric windows need 2 or more ranks; this run has 1", point.skipReason());
    }

    @Test
    void aRankAskingForAGpuThatIsNotThereFailsNamingIt() throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1).communicators("nccl")
                .sequenceLengths(1).hiddenSize(8192).dtype(DType.BF16).protocol(1, 2, 10).build();
        String message = assertThrows(LaunchException.class,
                () -> launcher(Map.of("CUDA_VISIBLE_DEVICES", "")).run(plan)).getMessage();
        assertTrue(message.startsWith("rank 0 failed: "), message);
        assertTrue(message.contains("cudaGetDeviceCount failed on rank 0") || message.contains("only 0 are visible"), message);
    }
}

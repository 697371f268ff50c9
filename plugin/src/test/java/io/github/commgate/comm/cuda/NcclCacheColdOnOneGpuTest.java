package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
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

/**
 * The cache-cold mode on one GPU: nccl rotates through a larger buffer and stays exact at every
 * offset, our kernels with their fixed buffers are skipped saying why, and the workers tell
 * where their time went.
 */
@Tag("gpu")
class NcclCacheColdOnOneGpuTest {

    @TempDir
    Path directory;

    private WorkerLauncher.Outcome run(BenchmarkPlan plan) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        LaunchSettings settings = new LaunchSettings(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                Map.of("NCCL_NVLS_ENABLE", "0"), classpath, directory.resolve("logs"), Duration.ofSeconds(300));
        return new WorkerLauncher(settings, new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                System.out.printf("[%d/%d] %s %d: %s %.2f us %s%n", index, total, point.communicator(), point.sequenceLength(),
                        point.status(), point.medianMicros(), point.skipReason());
            }
        }).run(plan);
    }

    @Test
    void ncclRotatesThroughTheBufferExactlyInEveryDtypeWhileFixedBuffersAreSkipped() throws Exception {
        for (DType dtype : DType.values()) {
            // 1, 3 and 64 sequence positions: 10, 3 and 1 distinct offsets in a 4 MiB buffer (bf16).
            BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1)
                    .communicators("nccl", "custom-oneshot").sequenceLengths(1, 3, 64).hiddenSize(8192).dtype(dtype)
                    .protocol(new MeasuringProtocol(2, 5, 10, 4L << 20)).build();
            WorkerLauncher.Outcome outcome = run(plan);
            for (PointResult point : outcome.points()) {
                if (point.communicator().equals("nccl")) {
                    assertEquals(PointStatus.MEASURED, point.status(), dtype + " " + point.sequenceLength() + ": " + point.mismatches());
                } else {
                    assertEquals(PointStatus.SKIPPED, point.status());
                    assertEquals(GraphTimedAllReduce.FIXED_BUFFERS, point.skipReason());
                }
            }
        }
    }

    @Test
    void aCudaWorkerTimesItsLibrariesDeviceNcclGraphsAndChecks() throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1).communicators("nccl")
                .sequenceLengths(64, 1024).hiddenSize(8192).dtype(DType.BF16).protocol(2, 5, 10).build();
        WorkerLauncher.Outcome outcome = run(plan);
        System.out.println(outcome.timing());
        for (String phase : List.of("libraries", "device", "nccl", "setup", "inputs", "graphs", "warmup", "timed", "checks",
                "teardown")) {
            assertTrue(outcome.timing().workers().containsKey(phase), phase + " missing from " + outcome.timing());
        }
    }
}

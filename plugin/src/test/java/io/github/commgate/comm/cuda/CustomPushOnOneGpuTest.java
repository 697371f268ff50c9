package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
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
 * custom-push's correctness with 2, 4 and 8 ranks as separate processes sharing one GPU through
 * CUDA IPC (-Dcommgate.device=0): the spin waits complete because the GPU time-slices the
 * processes. Results only, never speed: every rank's output must equal the exact sum bit for bit.
 */
@Tag("gpu")
class CustomPushOnOneGpuTest {

    private static final int LIMIT_VECTORS = (int) (CustomPushAllReduce.MAX_BYTES / 16);

    @TempDir
    Path directory;

    private List<PointResult> run(int ranks, DType dtype, int hidden, List<Integer> sequenceLengths, int trials) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        LaunchSettings settings = new LaunchSettings(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Dcommgate.device=0"), Map.of("NCCL_NVLS_ENABLE", "0"), classpath,
                directory.resolve("logs-" + ranks + "-" + dtype), Duration.ofSeconds(120));
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(ranks).communicators(List.of("custom-push"))
                .sequenceLengths(sequenceLengths).hiddenSize(hidden).dtype(dtype).protocol(1, trials, 3).build();
        return new WorkerLauncher(settings, new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                System.out.printf("ranks %d %s %s %d x %d: %s %s%n", ranks, dtype, point.communicator(), point.sequenceLength(),
                        hidden, point.status(), point.status() == PointStatus.MEASURED ? "" : point.mismatches() + point.skipReason());
            }
        }).run(plan).points();
    }

    @Test
    void twoFourAndEightRanksGetTheExactSumInEveryDtypeThroughThirtyGraphReplays() throws Exception {
        for (int ranks : new int[] {2, 4, 8}) {
            for (DType dtype : DType.values()) {
                // One vector per sequence: fewer vectors than ranks, counts no rank count divides,
                // a size change at every point (the previous buffer's reset follows it), the limit.
                List<PointResult> points = run(ranks, dtype, 16 / dtype.bytes(), List.of(1, 3, 13, 1001, 20011, LIMIT_VECTORS, 7), 30);
                for (PointResult point : points) {
                    assertEquals(PointStatus.MEASURED, point.status(),
                            ranks + " ranks, " + point.sequenceLength() + " vectors: " + point.skipReason() + point.mismatches());
                }
            }
        }
    }

    @Test
    void aSizeOverItsLimitOrOfPartVectorsIsSkippedWithTheReason() throws Exception {
        // fp32 with a hidden size of 1: 3 elements are 12 bytes; 1 Mi elements are 4 MiB.
        List<PointResult> points = run(2, DType.FP32, 1, List.of(3, 1 << 20), 2);
        assertEquals(PointStatus.SKIPPED, points.get(0).status());
        assertEquals("12 bytes is not a multiple of the 16-byte vectors the kernels move", points.get(0).skipReason());
        assertEquals(PointStatus.SKIPPED, points.get(1).status());
        assertEquals("4194304 bytes is over the 524288-byte limit of this communicator "
                + "(custom-push keeps 3 receive buffers of it per peer)", points.get(1).skipReason());
    }
}

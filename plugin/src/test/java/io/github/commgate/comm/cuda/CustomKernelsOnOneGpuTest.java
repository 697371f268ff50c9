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
 * Our kernels' correctness with 2, 4 and 8 ranks as separate processes sharing one GPU through
 * CUDA IPC (-Dcommgate.device=0). The ranks' kernels are time-sliced, so this checks results,
 * never speed: every rank's output must equal the exact sum bit for bit.
 */
@Tag("gpu")
class CustomKernelsOnOneGpuTest {

    private static final List<String> OURS = List.of("custom-oneshot", "custom-twoshot", "symm-twoshot");

    @TempDir
    Path directory;

    private List<PointResult> run(int ranks, DType dtype, int hidden, List<Integer> sequenceLengths, int trials) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        LaunchSettings settings = new LaunchSettings(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Dcommgate.device=0"), Map.of("NCCL_NVLS_ENABLE", "0"), classpath,
                directory.resolve("logs-" + ranks + "-" + dtype), Duration.ofSeconds(600));
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(ranks).communicators(OURS)
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

    private static void assertAllExact(List<PointResult> points) {
        for (PointResult point : points) {
            assertEquals(PointStatus.MEASURED, point.status(),
                    point.communicator() + " " + point.sequenceLength() + ": " + point.skipReason() + point.mismatches());
        }
    }

    @Test
    void twoRanksGetTheExactSumInEveryDtypeFromOneVectorToEightMiB() throws Exception {
        for (DType dtype : DType.values()) {
            int hidden = 16 / dtype.bytes();
            // 1 vector, 3 vectors (not divisible by the ranks), 1000 vectors, 8 MiB.
            assertAllExact(run(2, dtype, hidden, List.of(1, 3, 1000, (8 << 20) / 16), 2));
        }
    }

    @Test
    void fourAndEightRanksGetTheExactSumInEveryDtypeUpToEightMiB() throws Exception {
        for (int ranks : new int[] {4, 8}) {
            for (DType dtype : DType.values()) {
                // Vectors: fewer than the ranks, counts no world size divides, and 8 MiB.
                assertAllExact(run(ranks, dtype, 16 / dtype.bytes(), List.of(3, 13, 1001, 65539, (8 << 20) / 16), 2));
            }
        }
    }

    @Test
    void manyGraphReplaysKeepTheCountersInStep() throws Exception {
        // 3 eager + 20 x 3 timed + 3 warm-up all-reduces per point, four points in a row.
        assertAllExact(run(2, DType.BF16, 8, List.of(5, 7, 9, 11), 20));
    }
}

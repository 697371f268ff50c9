package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.Backend;
import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.launch.ProgressListener;
import io.github.commgate.launch.WorkerLauncher;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
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
 * Every communicator the cuda registry declares opens in a real worker on one GPU and reports
 * the name it is declared under (multicast stays off: symm-multimem opens and skips).
 */
@Tag("gpu")
class CudaRegistryOnOneGpuTest {

    @TempDir
    Path directory;

    @Test
    void everyDeclaredCommunicatorOpensAndReportsItsDeclaredName() throws Exception {
        List<String> declared = CudaCommunicators.REGISTRY.names();
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        LaunchSettings settings = new LaunchSettings(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                Map.of("NCCL_NVLS_ENABLE", "0"), classpath, directory.resolve("logs"), Duration.ofSeconds(300));
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1).communicators(declared)
                .sequenceLengths(1).protocol(1, 2, 2).build();
        List<PointResult> points = new WorkerLauncher(settings, new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                System.out.printf("%s: %s %s%n", point.communicator(), point.status(), point.skipReason());
            }
        }).run(plan).points();
        assertEquals(declared, points.stream().map(PointResult::communicator).toList());
    }
}

package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.commgate.InstalledJdks;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's JDK 17 launches workers on the newest installed JDK (the {@code javaExecutable} a
 * user may name): they measure, unmap their segments and exit, and their logs hold no warning
 * beyond the incubating Vector API's, which every JDK prints for it.
 */
class WorkersOnTheNewestJdkTest {

    @TempDir
    Path directory;

    @Test
    void workersOnJdk24OrNewerMeasureAndPrintNoUnsafeWarning() throws Exception {
        Optional<Path> java = InstalledJdks.javaOfAtLeast(24);
        assumeTrue(java.isPresent(), "no JDK 24 or newer under /usr/lib/jvm");
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot", "shm-twoshot")
                .sequenceLengths(1, 16).hiddenSize(8192).dtype(DType.BF16).protocol(1, 5, 2).build();
        LaunchSettings settings = TestLaunches.settings(java.get(), directory, 120);
        WorkerLauncher.Outcome outcome = new WorkerLauncher(settings, new RecordingProgress()).run(plan);

        assertEquals(List.of(PointStatus.MEASURED, PointStatus.MEASURED, PointStatus.MEASURED, PointStatus.MEASURED),
                outcome.points().stream().map(p -> p.status()).toList());
        for (int rank = 0; rank < plan.worldSize(); rank++) {
            assertEquals(List.of("WARNING: Using incubator modules: jdk.incubator.vector"),
                    Files.readAllLines(settings.logFile(rank)), "rank " + rank + "'s log");
        }
    }
}

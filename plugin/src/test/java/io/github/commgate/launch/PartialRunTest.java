package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rank killed halfway: the failure carries every point finished before it, for the ERROR reports. */
class PartialRunTest {

    @TempDir
    Path directory;

    /** Read from /proc: a JVM's command line, with its long class path, can be too long for ProcessHandle.Info. */
    private static boolean isRankOne(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).contains("-Dcommgate.rank=1\0");
        } catch (IOException gone) {
            return false;
        }
    }

    @Test
    void aRankKilledAfterTheFirstPointLeavesThatPointWithTheFailure() {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot")
                .sequenceLengths(1, 4096).protocol(0, 100, 10).build();
        ProgressListener killRankOneAfterFirstPoint = new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                ProcessHandle.current().descendants().filter(PartialRunTest::isRankOne).forEach(ProcessHandle::destroyForcibly);
            }
        };
        long start = System.nanoTime();
        LaunchException failure = assertThrows(LaunchException.class, () -> new WorkerLauncher(
                TestLaunches.settings(TestLaunches.JAVA, directory, 120), killRankOneAfterFirstPoint).run(plan));
        assertTrue(failure.getMessage().startsWith("rank 1 "), failure.getMessage());
        assertTrue(System.nanoTime() - start < 60e9, "the killed rank ends the run, not the timeout");
        assertEquals(1, failure.measured().size(), failure.measured().toString());
        assertEquals(PointStatus.MEASURED, failure.measured().get(0).status());
        assertEquals(1, failure.measured().get(0).sequenceLength());
    }
}

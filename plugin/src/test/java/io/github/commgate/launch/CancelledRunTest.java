package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real launch in a JVM of its own, stopped as a user or a CI runner stops Maven: Ctrl-C and
 * SIGTERM leave no worker and no scratch directory; kill -9 leaves a directory that the next run
 * removes, while a live run's is never touched.
 */
class CancelledRunTest {

    /** Stopping waits up to 2 s for each worker to go quietly (WorkerProcesses); more means something hung. */
    private static final double CLEAN_UP_SECONDS = 10;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "kill -{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheWorkersAndRemovesTheScratchDirectoryBeforeTheJvmExits(String signal) throws Exception {
        try (RunningLaunch launch = RunningLaunch.start(directory)) {
            assertEquals(2, launch.workers().size(), launch.workers().toString());
            double seconds = launch.signalAndWait(signal);
            System.out.printf(Locale.ROOT, "kill -%s: the launching JVM exited after %.2f s%n", signal, seconds);
            assertFalse(Files.exists(launch.scratch()), launch.scratch() + " was left behind");
            launch.workers().forEach(worker -> assertFalse(worker.isAlive(), "worker " + worker.pid() + " outlived the launch"));
            assertTrue(seconds < CLEAN_UP_SECONDS, seconds + " s");
            assertTrue(Files.readString(directory.resolve("launch-stderr.log")).contains("commgate: the build was stopped "
                    + "(Ctrl-C or SIGTERM) while measuring; every rank was stopped and " + launch.scratch() + " removed"));
        }
    }

    @Test
    void aDirectoryLeftByAKilledRunIsRemovedByTheNextRunAndALiveRunsIsNot() throws Exception {
        RecordingProgress next = new RecordingProgress();
        try (RunningLaunch launch = RunningLaunch.start(directory)) {
            ScratchDirectory.create(next::leftoverRemoved).close();
            assertTrue(Files.exists(launch.scratch()), "a live run's directory was removed");

            launch.signalAndWait("9");
            double workersGone = launch.awaitWorkersGone(30);
            // Any commgate run on this machine reaps directories of killed runs; where another build
            // ran one in the meantime, this run has nothing left to show.
            assumeTrue(Files.exists(launch.scratch()), "another commgate run on this machine removed the directory first");

            long start = System.nanoTime();
            ScratchDirectory.create(next::leftoverRemoved).close();
            double reaped = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "kill -9: workers gone after %.2f s, the next run removed the directory in %.3f s%n",
                    workersGone, reaped);
            assertFalse(Files.exists(launch.scratch()));
            assertEquals(1, next.leftovers.size(), next.leftovers.toString());
            assertTrue(next.leftovers.get(0).matches("removed " + launch.scratch()
                    + " \\(\\d+\\.\\d MiB\\), left by pid " + launch.pid() + ", which is no longer running"), next.leftovers.get(0));
        }
    }
}

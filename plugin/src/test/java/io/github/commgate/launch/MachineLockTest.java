package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.LaunchPlan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two measuring runs on one machine, for real: a second JVM holds the lock, or a second thread of this one. */
class MachineLockTest {

    @TempDir
    Path directory;

    private Process holder;

    @AfterEach
    void release() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    private long holdInAnotherJvm(Path lockDirectory, String device, String project) throws Exception {
        holder = new ProcessBuilder(TestLaunches.JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                HoldMachineLock.class.getName(), lockDirectory.toString(), device, project)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertEquals("held", new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine());
        return holder.pid();
    }

    @Test
    void aSecondRunWaitsNamingTheHolderAndFailsClearlyAtItsLockTimeout() throws Exception {
        long pid = holdInAnotherJvm(directory, "cpu", "com.example:first");
        List<String> waiting = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        LaunchException failure = assertThrows(LaunchException.class, () ->
                MachineLock.acquire(directory, List.of("cpu"), "com.example:second", Duration.ofSeconds(1), waiting::add));
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = directory.resolve("commgate-cpu.lock");
        assertEquals("another run was still measuring on cpu after 1 s (lockTimeout): pid " + pid
                + " (project com.example:first) holds " + file, failure.getMessage());
        assertEquals(List.of("waiting for the machine: pid " + pid + " (project com.example:first) is measuring on cpu ("
                + file + "); waited 0 s of 1 s (lockTimeout)"), waiting);
        assertTrue(seconds >= 1 && seconds < 5, seconds + " s");
    }

    @Test
    void theSecondRunGoesOnOnceTheHolderFinishesAndNamesItselfThen() throws Exception {
        long pid = holdInAnotherJvm(directory, "cpu", "com.example:first");
        List<String> waiting = new CopyOnWriteArrayList<>();
        CompletableFuture<MachineLock> second = CompletableFuture.supplyAsync(() -> acquire("com.example:second", waiting));
        Thread.sleep(700);
        assertFalse(second.isDone(), "the second run did not wait");
        holder.getOutputStream().close();
        try (MachineLock lock = second.get(10, TimeUnit.SECONDS)) {
            assertTrue(waiting.get(0).startsWith("waiting for the machine: pid " + pid + " (project com.example:first)"), waiting.toString());
            assertEquals("pid=" + ProcessHandle.current().pid() + "\nproject=com.example:second\n",
                    Files.readString(directory.resolve("commgate-cpu.lock")));
        }
    }

    @Test
    void aHolderKilledWithSignal9LeavesTheLockFree() throws Exception {
        holdInAnotherJvm(directory, "cpu", "com.example:killed");
        new ProcessBuilder("kill", "-9", Long.toString(holder.pid())).start().waitFor();
        holder.waitFor(10, TimeUnit.SECONDS);
        List<String> waiting = new CopyOnWriteArrayList<>();
        try (MachineLock lock = MachineLock.acquire(directory, List.of("cpu"), "com.example:next", Duration.ZERO, waiting::add)) {
            assertEquals(List.of(), waiting);
        }
    }

    @Test
    void twoThreadsOfOneMavenTakeTurns() throws Exception {
        List<String> waiting = new CopyOnWriteArrayList<>();
        MachineLock first = acquire("com.example:module-a", waiting);
        CompletableFuture<MachineLock> second = CompletableFuture.supplyAsync(() -> acquire("com.example:module-b", waiting));
        Thread.sleep(500);
        assertFalse(second.isDone(), "both modules measured at once");
        assertEquals("waiting for the machine: pid " + ProcessHandle.current().pid() + " (project com.example:module-a) is measuring on cpu ("
                + directory.resolve("commgate-cpu.lock") + "); waited 0 s of 30 s (lockTimeout)", waiting.get(0));
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void aCudaRunLocksEachOfItsVisibleDevicesAndACpuRunTheCpu() {
        assertEquals(List.of("cuda-1", "cuda-3"), MachineLock.devices(Backend.CUDA, 2, Map.of("CUDA_VISIBLE_DEVICES", "3, 1,2")));
        assertEquals(List.of("cuda-GPU-8f2a_1"), MachineLock.devices(Backend.CUDA, 1, Map.of("CUDA_VISIBLE_DEVICES", "GPU-8f2a/1")));
        assertEquals(List.of("cpu"), MachineLock.devices(Backend.CPU, 4, Map.of()));
    }

    @Test
    void aLaunchThatCannotHaveTheMachineFailsBeforeForkingAnyWorker() throws Exception {
        Path systemTemp = Path.of(System.getProperty("java.io.tmpdir"));
        long pid = holdInAnotherJvm(systemTemp, "cpu", "com.example:first");
        LaunchSettings settings = TestLaunches.settings(TestLaunches.JAVA, directory, 60);
        settings = new LaunchSettings(settings.javaExecutable(), List.of(), Map.of(), settings.classpath(), settings.logDirectory(),
                settings.timeout(), Duration.ofSeconds(1), "com.example:second", LaunchPlan.local());
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot")
                .sequenceLengths(1).hiddenSize(64).dtype(DType.BF16).protocol(0, 1, 1).build();
        RecordingProgress progress = new RecordingProgress();
        LaunchSettings late = settings;
        String message = assertThrows(LaunchException.class, () -> new WorkerLauncher(late, progress).run(plan)).getMessage();
        assertEquals("another run was still measuring on cpu after 1 s (lockTimeout): pid " + pid
                + " (project com.example:first) holds " + systemTemp.resolve("commgate-cpu.lock"), message);
        assertEquals(1, progress.waiting.size(), progress.waiting.toString());
        assertFalse(Files.exists(settings.logFile(0)), "a worker was forked while another run held the machine");
    }

    private MachineLock acquire(String project, List<String> waiting) {
        try {
            return MachineLock.acquire(directory, List.of("cpu"), project, Duration.ofSeconds(30), waiting::add);
        } catch (LaunchException e) {
            throw new IllegalStateException(e);
        }
    }
}

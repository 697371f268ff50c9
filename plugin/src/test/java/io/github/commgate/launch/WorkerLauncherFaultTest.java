package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken workers made for real: a JVM that cannot start, a rank that dies, a java that hangs. */
class WorkerLauncherFaultTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final ProgressListener QUIET = new ProgressListener() {
        @Override
        public void ranksConnected(double secondsSinceStart) {
        }

        @Override
        public void pointCompleted(int index, int total, PointResult point) {
        }
    };

    @TempDir
    Path directory;

    private final BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2)
            .communicators("shm-oneshot").sequenceLengths(1).hiddenSize(64).dtype(DType.BF16).protocol(0, 1, 1)
            .build();

    private LaunchSettings settings(Path java, List<String> jvmArgs, Map<String, String> environment, int timeoutSeconds) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        return new LaunchSettings(java, jvmArgs, environment, classpath, directory.resolve("logs"), Duration.ofSeconds(timeoutSeconds));
    }

    private String failure(LaunchSettings settings) {
        return assertThrows(LaunchException.class, () -> new WorkerLauncher(settings, QUIET).run(plan)).getMessage();
    }

    private Path script(String name, String body) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aJvmThatCannotStartFailsTheRunNamingTheRankAndShowingItsLog() {
        String message = failure(settings(JAVA, List.of("-XX:+CommgateNoSuchOption"), Map.of(), 60));
        assertTrue(message.matches("(?s)rank \\d exited with code 1 before it connected to the coordinator.*"), message);
        assertTrue(message.contains("Unrecognized VM option 'CommgateNoSuchOption'"), message);
        assertTrue(message.contains("rank-"), message);
    }

    @Test
    void aJavaExecutableThatDoesNotExistIsNamed() {
        String message = failure(settings(directory.resolve("no-java"), List.of(), Map.of(), 60));
        assertTrue(message.startsWith("rank 0 could not be started with " + directory.resolve("no-java")), message);
    }

    @Test
    void whenOneRankDiesTheOthersAreKilledAndTheDeadRankIsBlamed() throws Exception {
        Path pids = directory.resolve("pids");
        Path java = script("java-or-die", "echo $$ >> " + pids + "\n"
                + "if [ \"$COMMGATE_RANK\" = 1 ]; then echo 'rank 1 gives up'; exit 7; fi\n"
                + "exec " + JAVA + " \"$@\"\n");
        String message = failure(settings(java, List.of(), Map.of(), 60));
        assertTrue(message.startsWith("rank 1 exited with code 7 before it connected to the coordinator"), message);
        assertTrue(message.contains("| rank 1 gives up"), message);
        assertNoneAlive(pids);
    }

    @Test
    void aHungWorkerTimesOutAndNoProcessIsLeftBehind() throws Exception {
        Path pids = directory.resolve("pids");
        Path java = script("hang", "echo $$ >> " + pids + "\nsleep 300 &\necho $! >> " + pids + "\nwait\n");
        long start = System.nanoTime();
        String message = failure(settings(java, List.of(), Map.of(), 2));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(message.startsWith("the run timed out after 2 s (timeout) with 0 of 1 points measured; every rank was stopped"), message);
        assertTrue(message.contains("rank 0 had not connected to the coordinator"), message);
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertNoneAlive(pids);
    }

    @Test
    void aTimeoutNamesTheRankTheOthersWereWaitingFor() throws Exception {
        // Rank 1 is stopped (SIGSTOP) the moment both ranks have joined: rank 0 waits for it at the
        // all-gather that tells each rank its peers' nodes (the first thing a rank does after
        // joining), or at the collective after it if rank 1 joined first and got that far.
        Path pids = directory.resolve("pids");
        Path java = script("java-stopped-rank-1", "echo $$ >> " + pids + "\n"
                + "if [ \"$COMMGATE_RANK\" = 1 ]; then echo $$ > " + directory.resolve("rank-1.pid") + "; fi\n"
                + "exec " + JAVA + " \"$@\"\n");
        String message = assertThrows(LaunchException.class, () -> new WorkerLauncher(settings(java, List.of(), Map.of(), 10),
                new SignalOnConnect("STOP", directory.resolve("rank-1.pid"))).run(plan)).getMessage();
        // Which collective depends on whether rank 1 joined first and got to the first all-gather before it stopped.
        assertTrue(message.startsWith("the run timed out after 10 s (timeout) with 0 of 1 points measured; every rank was stopped"
                + System.lineSeparator() + "rank 1 had not reached "), message);
        assertTrue(message.matches("(?s).*rank 1 had not reached (all-gather|barrier) \\d+, where rank 0 had waited .*"), message);
        assertFalse(message.contains("rank 0 had not"), message);
        assertNoneAlive(pids);
    }

    @Test
    void aRankKilledMidRunIsBlamedWithoutQuotingTheJvmsStartUpWarning() throws Exception {
        Path pids = directory.resolve("pids");
        Path java = script("java-telling-rank-1", "echo $$ >> " + pids + "\n"
                + "if [ \"$COMMGATE_RANK\" = 1 ]; then echo $$ > " + directory.resolve("rank-1.pid") + "; fi\n"
                + "exec " + JAVA + " \"$@\"\n");
        String message = assertThrows(LaunchException.class, () -> new WorkerLauncher(settings(java, List.of(), Map.of(), 60),
                new SignalOnConnect("KILL", directory.resolve("rank-1.pid"))).run(plan)).getMessage();
        Path log = directory.resolve("logs").resolve("rank-1.log");
        assertTrue(Files.readString(log).startsWith("WARNING: Using incubator modules"), Files.readString(log));
        assertEquals("rank 1 exited with code 137 before it finished" + System.lineSeparator()
                + "  (" + log + " holds only the JVM's own warnings)", message);
        assertNoneAlive(pids);
    }

    /** Sends a real signal to the process whose pid a worker wrote down, once every rank has joined. */
    private record SignalOnConnect(String signal, Path pidFile) implements ProgressListener {
        @Override
        public void ranksConnected(double secondsSinceStart) {
            try {
                new ProcessBuilder("kill", "-" + signal, Files.readString(pidFile).trim()).start().waitFor();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void pointCompleted(int index, int total, PointResult point) {
        }
    }

    private static void assertNoneAlive(Path pids) throws IOException {
        List<String> lines = Files.readAllLines(pids);
        assertFalse(lines.isEmpty());
        for (String pid : lines) {
            assertFalse(ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " is still alive");
        }
    }
}

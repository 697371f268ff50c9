package io.github.commgate.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A {@link LaunchUntilStopped} JVM seen from a test: its pid, its workers, its scratch directory, and real signals. */
final class RunningLaunch implements AutoCloseable {

    private final Process process;
    private final List<ProcessHandle> workers;
    private final Path scratch;

    private RunningLaunch(Process process, List<ProcessHandle> workers, Path scratch) {
        this.process = process;
        this.workers = workers;
        this.scratch = scratch;
    }

    /** Starts one and returns once its ranks are measuring, with their shared-memory file in place. */
    static RunningLaunch start(Path directory) throws Exception {
        Process process = new ProcessBuilder(TestLaunches.JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                LaunchUntilStopped.class.getName(), directory.toString())
                .redirectError(directory.resolve("launch-stderr.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
            String line = out.readLine();
            if (!"connected".equals(line)) {
                throw new IllegalStateException("the launch said " + line + "; see " + directory.resolve("launch-stderr.log"));
            }
            Path scratch = awaitSharedMemoryFile(process.pid());
            return new RunningLaunch(process, process.descendants().toList(), scratch);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
    }

    private static Path awaitSharedMemoryFile(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<Path> scratch = scratchOf(pid);
            if (scratch.isPresent() && hasSharedMemoryFile(scratch.get())) {
                return scratch.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no scratch directory with a .shm file appeared for pid " + pid);
    }

    static Optional<Path> scratchOf(long pid) throws IOException {
        try (Stream<Path> entries = Files.list(ScratchDirectory.defaultParent())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(ScratchDirectory.PREFIX + pid + "-")).findFirst();
        }
    }

    private static boolean hasSharedMemoryFile(Path scratch) throws IOException {
        try (Stream<Path> files = Files.list(scratch)) {
            return files.anyMatch(f -> f.toString().endsWith(".shm"));
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    List<ProcessHandle> workers() {
        return workers;
    }

    Path scratch() {
        return scratch;
    }

    /** Sends a real signal with kill(1) and returns the seconds until the JVM has exited. */
    double signalAndWait(String signal) throws Exception {
        long start = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0 || !process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("kill -" + signal + " did not end pid " + process.pid());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits for every worker to exit; returns the seconds it took. */
    double awaitWorkersGone(int seconds) throws Exception {
        long start = System.nanoTime();
        for (ProcessHandle worker : workers) {
            worker.onExit().get(seconds, TimeUnit.SECONDS);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        workers.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

package io.github.commgate.launch;

import io.github.commgate.comm.Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The forked worker JVMs of one run. Each writes stdout and stderr straight into its log file
 * (no pipe that nobody drains), reports its exit as an event, and is killed with its whole
 * process tree on {@link #killAll()}, which {@link StopOnShutdown} also calls, so no worker
 * outlives the Maven build.
 */
final class WorkerProcesses implements AutoCloseable {

    private static final long GRACE_MILLIS = 2_000;

    private final List<Process> processes = new ArrayList<>();

    synchronized void start(LaunchSettings settings, Backend backend, int worldSize, InetSocketAddress coordinator, String token,
               Path scratchDirectory, ClassDataArchive classData, BlockingQueue<LaunchEvent> events) throws LaunchException {
        for (int rank = 0; rank < worldSize; rank++) {
            ProcessBuilder builder = new ProcessBuilder(WorkerCommandLine.command(settings, rank, backend, classData));
            builder.environment().putAll(WorkerCommandLine.environment(settings, coordinator, token, rank, worldSize, scratchDirectory,
                    backend));
            Path log = settings.logFile(rank);
            builder.redirectErrorStream(true);
            builder.redirectOutput(log.toFile());
            builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            try {
                Process process = builder.start();
                processes.add(process);
                int exitingRank = rank;
                process.onExit().thenAccept(p -> events.add(new LaunchEvent.RankExited(exitingRank, p.exitValue())));
            } catch (IOException e) {
                throw new LaunchException(String.format("rank %d could not be started with %s: %s",
                        rank, settings.javaExecutable(), e.getMessage()), e);
            }
        }
    }

    /** Asks every worker and its children to stop, then forces those still alive, and reaps them all. */
    synchronized void killAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : processes) {
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        for (ProcessHandle handle : all) {
            long left = deadline - System.currentTimeMillis();
            try {
                handle.onExit().get(Math.max(left, 1), TimeUnit.MILLISECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
        for (Process process : processes) {
            try {
                process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        killAll();
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}

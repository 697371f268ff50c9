package io.github.commgate.launch;

import io.github.commgate.comm.Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The processes of one run: the forked worker JVMs, each writing stdout and stderr straight into
 * its log file (no pipe that nobody drains); or one engine (mpirun, srun) that starts the ranks,
 * whose output a thread sorts into the ranks' logs. Each reports its exit as an event, and is
 * killed with its whole process tree on {@link #killAll()}, which {@link StopOnShutdown} also
 * calls. An engine forwards the signal to ranks on other nodes; a rank it leaves behind halts by
 * itself once the coordinator closes, so no worker outlives the Maven build.
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

    /** Starts the engine, which starts every rank; its exit is reported once its output is drained. */
    synchronized void startEngine(LaunchSettings settings, Backend backend, int worldSize, InetSocketAddress coordinator,
                                  String token, Path scratchDirectory, BlockingQueue<LaunchEvent> events) throws LaunchException {
        Map<String, String> environment = WorkerCommandLine.engineEnvironment(settings, coordinator, token, worldSize,
                scratchDirectory, backend);
        ProcessBuilder builder = new ProcessBuilder(EngineCommandLine.command(settings, backend, worldSize, environment.keySet()));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        String engine = settings.launch().launcher().label();
        try {
            Process process = builder.start();
            processes.add(process);
            Thread drain = new Thread(new EngineOutput(process.getInputStream(), settings, worldSize), "commgate-" + engine + "-output");
            drain.setDaemon(true);
            drain.start();
            process.onExit().thenAccept(p -> {
                joinQuietly(drain);
                events.add(new LaunchEvent.LauncherExited(p.exitValue()));
            });
        } catch (IOException e) {
            throw new LaunchException(String.format("%s could not be started (launcherExecutable '%s'): %s",
                    engine, settings.launch().executable(), e.getMessage()), e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

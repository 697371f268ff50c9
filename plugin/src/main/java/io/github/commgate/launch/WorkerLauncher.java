package io.github.commgate.launch;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs a plan on workers: waits for the machine ({@link MachineLock}), starts the coordinator and
 * one JVM per rank (forked here, or by an engine on the nodes it allocates), follows them through
 * one event loop, and returns every point, or stops every rank at the first failure or at the
 * timeout. Peers of a dead rank would wait forever, so one failure ends the whole run.
 */
public final class WorkerLauncher {

    /** How long an engine may take to stop the other ranks once one is lost (mpirun, srun: well under a second here). */
    private static final long ENGINE_PATIENCE_SECONDS = 5;

    private final LaunchSettings settings;
    private final ProgressListener progress;
    private final FailureReport failures;

    public WorkerLauncher(LaunchSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
        this.failures = new FailureReport(settings);
    }

    /**
     * The points in plan order, when the first one began (epoch millis), what rank 0 told of
     * its hardware (empty on the CPU backend), and where the time went: the launcher's phases
     * ({@link RunTiming#LOCK_WAIT}, {@link RunTiming#FORK}, {@link RunTiming#JVM_START},
     * {@link RunTiming#MEASURING}) and the slowest rank's in each of the workers'.
     */
    public record Outcome(List<PointResult> points, long firstPointStartedAtMillis, Map<String, String> rankEnvironment,
                          RunTiming timing) {

        /** The same outcome with one more host phase in its timing. */
        Outcome withHost(String phase, double seconds) {
            return new Outcome(points, firstPointStartedAtMillis, rankEnvironment, timing.withHost(phase, seconds));
        }
    }

    public Outcome run(BenchmarkPlan plan) throws LaunchException {
        try {
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new LaunchException("cannot create the log directory " + settings.logDirectory() + ": " + e.getMessage(), e);
        }
        List<String> devices = MachineLock.devices(plan.backend(), plan.worldSize(), settings.environment());
        long lockStart = System.nanoTime();
        try (MachineLock machine = MachineLock.acquire(Path.of(System.getProperty("java.io.tmpdir")), devices,
                settings.project(), settings.lockTimeout(), progress::waitingForMachine)) {
            double lockWait = (System.nanoTime() - lockStart) / 1e9;
            return runAlone(plan).withHost(RunTiming.LOCK_WAIT, lockWait);
        }
    }

    private Outcome runAlone(BenchmarkPlan plan) throws LaunchException {
        long startNanos = System.nanoTime();
        BlockingQueue<LaunchEvent> events = new LinkedBlockingQueue<>();
        // An engine starts the JVMs on its nodes, whose archive cache is not this host's.
        ClassDataArchive classData = settings.launch().launcher().isEngine() ? ClassDataArchive.NONE
                : ClassDataArchive.prepare(settings, ClassDataArchive.defaultCacheDirectory());
        boolean clean = false;
        try (ScratchDirectory scratch = ScratchDirectory.create(progress::leftoverRemoved);
             Coordinator coordinator = new Coordinator(plan, events, settings.launch().coordinatorHost());
             WorkerProcesses workers = new WorkerProcesses();
             StopOnShutdown stop = new StopOnShutdown(workers, scratch)) {
            try {
                if (settings.launch().launcher().isEngine()) {
                    workers.startEngine(settings, plan.backend(), plan.worldSize(), coordinator.address(), coordinator.token(),
                            scratch.path(), events);
                } else {
                    workers.start(settings, plan.backend(), plan.worldSize(), coordinator.address(), coordinator.token(),
                            scratch.path(), classData, events);
                }
                double fork = (System.nanoTime() - startNanos) / 1e9;
                Outcome outcome = follow(plan, coordinator, events, startNanos);
                clean = true;
                return outcome.withHost(RunTiming.FORK, fork);
            } catch (LaunchException e) {
                // Told apart from a crash: the ranks died because Maven itself is being stopped.
                throw stop.stopping() ? new LaunchException(StopOnShutdown.stoppedMessage(scratch.path())) : e;
            } finally {
                int refused = coordinator.refusedConnections();
                if (refused > Admission.NAMED_REFUSALS) {
                    progress.peerRefused(String.format("refused %d connections in all; the first %d are named above",
                            refused, Admission.NAMED_REFUSALS));
                }
            }
        } catch (IOException e) {
            throw new LaunchException("the run could not be set up: " + e.getMessage(), e);
        } finally {
            classData.finish(clean);
        }
    }

    private Outcome follow(BenchmarkPlan plan, Coordinator coordinator, BlockingQueue<LaunchEvent> events, long startNanos)
            throws LaunchException {
        RunProgress run = new RunProgress(plan);
        try {
            return followEvents(plan, coordinator, events, startNanos, run);
        } catch (LaunchException e) {
            throw e.after(run.results(), run.environment());
        }
    }

    private Outcome followEvents(BenchmarkPlan plan, Coordinator coordinator, BlockingQueue<LaunchEvent> events,
                                 long startNanos, RunProgress run) throws LaunchException {
        long deadline = startNanos + settings.timeout().toNanos();
        long connectedNanos = startNanos;
        while (!run.allExited()) {
            LaunchEvent event = poll(events, deadline - System.nanoTime());
            if (event == null) {
                throw new LaunchException(failures.timedOut(run, coordinator.stalls()));
            }
            if (event instanceof LaunchEvent.RankConnected connected) {
                if (run.connected(connected.rank()) == plan.worldSize()) {
                    connectedNanos = System.nanoTime();
                    progress.ranksConnected((connectedNanos - startNanos) / 1e9);
                }
            } else if (event instanceof LaunchEvent.EnvironmentReported environment) {
                run.environment(environment.rank(), environment.facts());
            } else if (event instanceof LaunchEvent.TimingReported timing) {
                run.timing(timing.seconds());
            } else if (event instanceof LaunchEvent.PointReported reported) {
                PointResult complete = run.report(reported.result());
                if (complete != null) {
                    progress.pointCompleted(run.completedPoints(), run.totalPoints(), complete);
                }
            } else if (event instanceof LaunchEvent.RankFailed failed) {
                throw new LaunchException(failures.rankFailed(failed.rank(), failed.message()));
            } else if (event instanceof LaunchEvent.RankFinished finished) {
                run.finished(finished.rank());
            } else if (event instanceof LaunchEvent.RankExited exited) {
                if (exited.exitCode() != 0 || !run.hasFinished(exited.rank())) {
                    throw abnormalExit(exited, run, events);
                }
                run.exited(exited.rank());
            } else if (event instanceof LaunchEvent.LauncherExited exited) {
                if (exited.exitCode() != 0 || !run.unfinishedRanks().isEmpty()) {
                    throw new LaunchException(failures.launcherExited(exited.exitCode(), run));
                }
                IntStream.range(0, plan.worldSize()).forEach(run::exited);
            } else if (event instanceof LaunchEvent.RankDisconnected gone && !run.hasFinished(gone.rank())) {
                if (settings.launch().launcher().isEngine()) {
                    throw new LaunchException(failures.lostConnection(gone.rank(), gone.why())
                            + failures.launcherEnded(launcherExit(events)));
                }
                // Its exit tells more (the code), and follows at once when the process died.
                LaunchEvent next = poll(events, TimeUnit.SECONDS.toNanos(2));
                if (next instanceof LaunchEvent.RankExited exited) {
                    throw abnormalExit(exited, run, events);
                }
                throw new LaunchException(failures.lostConnection(gone.rank(), gone.why()));
            } else if (event instanceof LaunchEvent.PeerRefused refused) {
                progress.peerRefused("refused a connection from " + refused.address() + ": " + refused.why());
            }
            // ProtocolViolation: an admitted rank spoke out of turn; its own failure, if any, follows.
        }
        if (run.completedPoints() != run.totalPoints()) {
            throw new LaunchException(String.format("the workers exited after %d of %d points",
                    run.completedPoints(), run.totalPoints()));
        }
        RunTiming timing = new RunTiming(Map.of(RunTiming.JVM_START, (connectedNanos - startNanos) / 1e9,
                RunTiming.MEASURING, (System.nanoTime() - connectedNanos) / 1e9), run.slowestPhases());
        return new Outcome(run.results(), run.firstStartMillis(), run.environment(), timing);
    }

    /** A rank that died may have said why just before; prefer its own words to its exit code. */
    private LaunchException abnormalExit(LaunchEvent.RankExited exited, RunProgress run, BlockingQueue<LaunchEvent> events) {
        LaunchEvent.RankFailed failed = firstWithin(events, TimeUnit.MILLISECONDS.toNanos(300), LaunchEvent.RankFailed.class);
        return new LaunchException(failed != null ? failures.rankFailed(failed.rank(), failed.message())
                : failures.exited(exited.rank(), exited.exitCode(), run.isConnected(exited.rank())));
    }

    /**
     * The engine's exit code once it has stopped the other ranks, or null if it had not within
     * {@link #ENGINE_PATIENCE_SECONDS}: what it printed by then (which rank died, and of what) is in its log.
     */
    private static Integer launcherExit(BlockingQueue<LaunchEvent> events) {
        LaunchEvent.LauncherExited exited = firstWithin(events, TimeUnit.SECONDS.toNanos(ENGINE_PATIENCE_SECONDS),
                LaunchEvent.LauncherExited.class);
        return exited == null ? null : exited.exitCode();
    }

    /** The first event of {@code type} to arrive within {@code nanos}, others passed over; null if none did. */
    private static <T extends LaunchEvent> T firstWithin(BlockingQueue<LaunchEvent> events, long nanos, Class<T> type) {
        long until = System.nanoTime() + nanos;
        LaunchEvent event;
        while ((event = poll(events, until - System.nanoTime())) != null) {
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        return null;
    }

    private static LaunchEvent poll(BlockingQueue<LaunchEvent> events, long nanos) {
        try {
            return events.poll(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

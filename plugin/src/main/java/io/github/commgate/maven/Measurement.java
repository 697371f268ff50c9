package io.github.commgate.maven;

import io.github.commgate.launch.LaunchException;
import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.launch.WorkerLauncher;
import io.github.commgate.machine.HostAddresses;
import io.github.commgate.machine.HostEnvironment;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.RunTiming;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

/** One measuring run of a goal: forks the workers, follows them, and returns the finished run. */
final class Measurement {

    private final Log log;
    private final LaunchSettings launch;
    private final long goalStartNanos;

    /** @param goalStartNanos {@link System#nanoTime()} when the goal started, for the plan's share of the time */
    Measurement(Log log, LaunchSettings launch, long goalStartNanos) {
        this.log = log;
        this.launch = launch;
        this.goalStartNanos = goalStartNanos;
    }

    /** The {@code java} of the workers: the one given, or the one running Maven. */
    static Path java(File javaExecutable) {
        return javaExecutable != null ? javaExecutable.toPath() : Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The plugin's own jar and runtime dependencies: what a worker needs, and nothing of Maven's. */
    static List<Path> classpath(PluginDescriptor plugin) {
        return plugin.getArtifacts().stream().map(Artifact::getFile).filter(f -> f != null).map(File::toPath).toList();
    }

    RunResult run(BenchmarkPlan plan) throws MojoExecutionException {
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        log.info(String.format("commgate: %d point%s on %d rank%s (%s backend%s); logs in %s", plan.points().size(),
                plan.points().size() == 1 ? "" : "s", plan.worldSize(), plan.worldSize() == 1 ? "" : "s", plan.backend(),
                launch.launch().launcher().isEngine() ? ", started by " + launch.launch().launcher() + ", coordinator on "
                        + HostAddresses.text(launch.launch().coordinatorHost()) : "", launch.logDirectory()));
        RunTimeline timeline = new RunTimeline(plan, start);
        try {
            WorkerLauncher.Outcome outcome = new WorkerLauncher(launch, new ConsoleProgress(log, timeline, System::nanoTime)).run(plan);
            double rendezvous = (outcome.firstPointStartedAtMillis() - startedAt.toEpochMilli()) / 1e3;
            timeline.firstPointStarted(rendezvous);
            long end = System.nanoTime();
            double planSeconds = (start - goalStartNanos) / 1e9;
            RunTiming timing = outcome.timing().withHost(RunTiming.PLAN, planSeconds)
                    .withHost(RunTiming.FIRST_POINT, planSeconds + rendezvous).withHost(RunTiming.TOTAL, (end - goalStartNanos) / 1e9);
            return new RunResult(plan, environment(outcome.rankEnvironment()), startedAt, rendezvous,
                    (end - start) / 1e9, withWallTimes(outcome.points(), timeline), timing);
        } catch (LaunchException e) {
            throw new MeasurementFailedException("commgate: " + e.getMessage(), new RunResult(plan,
                    environment(e.rankEnvironment()), startedAt, 0, (System.nanoTime() - start) / 1e9,
                    withWallTimes(e.measured(), timeline)));
        }
    }

    /** The host's facts, what started the ranks, and what rank 0 told of its own. */
    private Map<String, String> environment(Map<String, String> rankEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>(HostEnvironment.describe());
        environment.put(MachineFacts.LAUNCHER, launch.launch().launcher().label());
        environment.putAll(rankEnvironment);
        return environment;
    }

    /** The points come in the order they completed, which is the timeline's. */
    private static List<PointResult> withWallTimes(List<PointResult> points, RunTimeline timeline) {
        List<PointResult> timed = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            timed.add(i < timeline.completedCount() ? points.get(i).withWallSeconds(timeline.wallSeconds(i)) : points.get(i));
        }
        return timed;
    }
}

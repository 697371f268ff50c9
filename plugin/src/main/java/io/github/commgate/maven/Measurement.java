package io.github.commgate.maven;

import io.github.commgate.launch.LaunchException;
import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.launch.WorkerLauncher;
import io.github.commgate.machine.HostEnvironment;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RunResult;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
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

    Measurement(Log log, LaunchSettings launch) {
        this.log = log;
        this.launch = launch;
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
        log.info(String.format("commgate: %d point%s on %d ranks (%s backend); logs in %s", plan.points().size(),
                plan.points().size() == 1 ? "" : "s", plan.worldSize(), plan.backend(), launch.logDirectory()));
        try {
            WorkerLauncher.Outcome outcome = new WorkerLauncher(launch, new ConsoleProgress(log)).run(plan);
            double total = (System.nanoTime() - start) / 1e9;
            double rendezvous = (outcome.firstPointStartedAtMillis() - startedAt.toEpochMilli()) / 1e3;
            Map<String, String> environment = new LinkedHashMap<>(HostEnvironment.describe());
            environment.putAll(outcome.rankEnvironment());
            return new RunResult(plan, environment, startedAt, rendezvous, total, outcome.points());
        } catch (LaunchException e) {
            throw new MojoExecutionException("commgate: " + e.getMessage());
        }
    }
}

package io.github.commgate.launch;

import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.LaunchPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start the workers of a run.
 *
 * @param javaExecutable the {@code java} that runs each worker
 * @param jvmArgs        the user's extra JVM arguments, placed before the main class
 * @param environment    the user's extra environment variables, on top of Maven's own
 * @param classpath      the plugin's runtime artifacts (its jar and dependencies)
 * @param logDirectory   where {@code rank-N.log} files go
 * @param timeout        limit for the whole run, from fork to the last worker's exit
 * @param lockTimeout    how long to wait for another run on the same backend and devices to
 *                       finish before failing; not part of {@code timeout}
 * @param project        who is measuring, shown to a run that waits for this one (a Maven
 *                       project's {@code groupId:artifactId}, or a directory)
 * @param launch         what starts the workers (commgate, or an engine), and where they find the coordinator
 */
public record LaunchSettings(Path javaExecutable, List<String> jvmArgs, Map<String, String> environment,
                             List<Path> classpath, Path logDirectory, Duration timeout,
                             Duration lockTimeout, String project, LaunchPlan launch) {

    /**
     * Default {@code lockTimeout}: 900 s, the default run {@code timeout} (600 s) of the run ahead
     * with room for its start, its reports and its confirmation rounds.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(Defaults.LOCK_TIMEOUT_SECONDS);

    public LaunchSettings {
        jvmArgs = List.copyOf(jvmArgs);
        environment = Map.copyOf(environment);
        classpath = List.copyOf(classpath);
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout: " + lockTimeout.toSeconds() + " s must be 0 or more");
        }
    }

    /** The default {@code lockTimeout}, and the working directory as the project. */
    public LaunchSettings(Path javaExecutable, List<String> jvmArgs, Map<String, String> environment,
                          List<Path> classpath, Path logDirectory, Duration timeout) {
        this(javaExecutable, jvmArgs, environment, classpath, logDirectory, timeout, DEFAULT_LOCK_TIMEOUT,
                Path.of("").toAbsolutePath().toString(), LaunchPlan.local());
    }

    /** These settings, with the workers started as {@code other} says. */
    public LaunchSettings withLaunch(LaunchPlan other) {
        return new LaunchSettings(javaExecutable, jvmArgs, environment, classpath, logDirectory, timeout, lockTimeout, project, other);
    }

    public Path logFile(int rank) {
        return logDirectory.resolve("rank-" + rank + ".log");
    }

    /** What the engine itself printed (not a rank's output): "srun.log", "mpirun.log". */
    public Path launcherLog() {
        return logDirectory.resolve(launch.launcher().label() + ".log");
    }
}

package io.github.commgate.launch;

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
 */
public record LaunchSettings(Path javaExecutable, List<String> jvmArgs, Map<String, String> environment,
                             List<Path> classpath, Path logDirectory, Duration timeout) {

    public LaunchSettings {
        jvmArgs = List.copyOf(jvmArgs);
        environment = Map.copyOf(environment);
        classpath = List.copyOf(classpath);
    }

    public Path logFile(int rank) {
        return logDirectory.resolve("rank-" + rank + ".log");
    }
}

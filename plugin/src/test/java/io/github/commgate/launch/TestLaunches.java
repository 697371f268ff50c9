package io.github.commgate.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Real launches from a test: this JVM's java and classpath, and wrapper scripts standing in for java. */
final class TestLaunches {

    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private TestLaunches() {
    }

    static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    static LaunchSettings settings(Path java, Path directory, int timeoutSeconds) {
        return new LaunchSettings(java, List.of(), Map.of(), classpath(), directory.resolve("logs"), Duration.ofSeconds(timeoutSeconds));
    }

    /** An executable shell script; workers run it in place of java, with java's arguments. */
    static Path script(Path directory, String name, String body) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}

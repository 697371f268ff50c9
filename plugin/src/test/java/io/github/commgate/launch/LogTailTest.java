package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quoted end of a rank's log says what the rank said, not what every JVM says. */
class LogTailTest {

    @TempDir
    Path directory;

    @Test
    void theJvmsOwnWarningsAreLeftOutOfTheQuotedLines() throws Exception {
        Path log = directory.resolve("rank-1.log");
        Files.writeString(log, String.join("\n",
                "WARNING: Using incubator modules: jdk.incubator.vector",
                "commgate worker rank 1: the coordinator went away (Connection reset); exiting",
                "WARNING: A terminally deprecated method in sun.misc.Unsafe has been called",
                "WARNING: sun.misc.Unsafe::invokeCleaner has been called by io.github.commgate.comm.cpu.SharedMemoryFile",
                "WARNING: Please consider reporting this to the maintainers of class io.github.commgate.comm.cpu.SharedMemoryFile",
                "WARNING: sun.misc.Unsafe::invokeCleaner will be removed in a future release",
                "WARNING: A restricted method in java.lang.System has been called",
                "WARNING: java.lang.System::load has been called by org.bytedeco.javacpp.Loader in an unnamed module (file:/x.jar)",
                "WARNING: Use --enable-native-access=ALL-UNNAMED to avoid a warning for callers in this module",
                "WARNING: Restricted methods will be blocked in a future release unless native access is enabled",
                "java.io.IOException: the shared file vanished",
                "WARNING: this one is the worker's own and stays", ""));
        assertEquals(List.of("commgate worker rank 1: the coordinator went away (Connection reset); exiting",
                "java.io.IOException: the shared file vanished", "WARNING: this one is the worker's own and stays"),
                LogTail.lastLines(log, 15));
    }

    @Test
    void theCountIsOfLinesWorthQuoting() throws Exception {
        Path log = directory.resolve("rank-0.log");
        Files.writeString(log, "one\ntwo\nWARNING: Using incubator modules: jdk.incubator.vector\nthree\n");
        assertEquals(List.of("two", "three"), LogTail.lastLines(log, 2));
    }
}

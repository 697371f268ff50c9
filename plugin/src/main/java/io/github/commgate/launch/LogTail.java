package io.github.commgate.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last lines of a worker's log, for error messages; reads only the end of a large file and
 * leaves out what the JVM prints at every start, which would otherwise be all a short log shows.
 */
public final class LogTail {

    private static final int MAX_BYTES = 16 * 1024;
    /**
     * The JVM's own warnings, the same in every rank's log whatever went wrong: the incubating
     * Vector API's module (JEP 11), the sun.misc.Unsafe memory methods (JEP 498) and native access
     * by a library (JEP 472), each as the JDK words them.
     */
    private static final Pattern JVM_BOILERPLATE = Pattern.compile("WARNING: (?:"
            + "Using incubator modules: .*"
            + "|A terminally deprecated method in sun\\.misc\\.Unsafe has been called"
            + "|sun\\.misc\\.Unsafe::\\w+ (?:has been called by .*|will be removed in a future release)"
            + "|Please consider reporting this to the maintainers of .*"
            + "|A restricted method in [\\w.$]+ has been called"
            + "|[\\w.$]+::\\w+ has been called by .*"
            + "|Use --enable-native-access=.*"
            + "|Restricted methods will be blocked in a future release unless native access is enabled)");

    private LogTail() {
    }

    /** Up to {@code count} last lines, the JVM's boilerplate left out. */
    public static List<String> lastLines(Path log, int count) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            List<String> lines = Arrays.stream(new String(tail, StandardCharsets.UTF_8).split("\\R"))
                    .filter(line -> !line.isBlank())
                    .filter(line -> !JVM_BOILERPLATE.matcher(line).matches()).toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }
}

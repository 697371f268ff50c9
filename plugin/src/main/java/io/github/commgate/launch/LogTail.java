package io.github.commgate.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a worker's log, for error messages; reads only the end of a large file. */
public final class LogTail {

    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

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
                    .filter(line -> !line.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }
}

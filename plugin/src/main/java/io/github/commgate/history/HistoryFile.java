package io.github.commgate.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A history on disk: one JSON Lines file per environment, named as its baseline file is but
 * ending in ".jsonl", a run appended per line. Appending never rewrites what is there, so a
 * file restored from a CI cache or artifact only grows, and two builds that append at once
 * (under a lock) both keep their line.
 */
public final class HistoryFile {

    public static final String SUFFIX = ".jsonl";

    private HistoryFile() {
    }

    /** "history/cpu-amd-epyc-7b13-2cpus-ws2-bf16-h8192.jsonl". */
    public static Path forEnvironment(Path directory, String environment) {
        return directory.resolve(environment + SUFFIX);
    }

    /** Appends {@code record} to its environment's file in {@code directory}, creating both as needed; returns the file. */
    public static Path append(Path directory, HistoryRecord record) throws IOException {
        Files.createDirectories(directory);
        Path file = forEnvironment(directory, record.environment());
        ByteBuffer line = ByteBuffer.wrap((HistoryJson.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        }
        return file;
    }

    /**
     * The records of one file, oldest first. A line that cannot be read is left out and told to
     * {@code problems} as "history FILE line N: what is wrong"; a missing file is an empty history.
     */
    public static List<HistoryRecord> read(Path file, Consumer<String> problems) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                records.add(HistoryJson.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                problems.accept("history " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        records.sort(Comparator.comparing(HistoryRecord::startedAt));
        return records;
    }

    /** Every history file in {@code directory} (none when it does not exist), by name. */
    public static List<Path> list(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }
}

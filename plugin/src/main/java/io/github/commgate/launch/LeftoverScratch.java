package io.github.commgate.launch;

import io.github.commgate.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scratch directories that a killed Maven (kill -9, a crash, a power-cut CI runner) could not
 * remove: each names its owner's pid and holds its start ({@link ScratchDirectory}); one whose
 * owner no longer runs is removed by the next run. One whose owner runs, or whose owner cannot be
 * told, is left alone. Directories of older versions, without a pid, are left alone too.
 */
final class LeftoverScratch {

    private static final Pattern NAME = Pattern.compile(Pattern.quote(ScratchDirectory.PREFIX) + "(\\d+)-\\d+");

    private LeftoverScratch() {
    }

    static void removeFrom(Path parent, Consumer<String> removed) {
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(parent)) {
            candidates = entries.filter(Files::isDirectory).toList();
        } catch (IOException | UncheckedIOException unreadable) {
            return;
        }
        for (Path directory : candidates) {
            Matcher name = NAME.matcher(directory.getFileName().toString());
            if (name.matches() && abandoned(directory, Long.parseLong(name.group(1)))) {
                remove(directory, Long.parseLong(name.group(1)), removed);
            }
        }
    }

    /** Its owner has gone; without an owner file (the owner died while making it), its pid must have gone. */
    private static boolean abandoned(Path directory, long pid) {
        Optional<ProcessIdentity> owner = owner(directory.resolve(ScratchDirectory.OWNER_FILE));
        return owner.map(identity -> identity.pid() == pid && !identity.isRunning())
                .orElseGet(() -> !Files.exists(directory.resolve(ScratchDirectory.OWNER_FILE))
                        && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
    }

    private static Optional<ProcessIdentity> owner(Path file) {
        try {
            Map<String, String> fields = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.indexOf('=') > 0)
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
            return Optional.of(new ProcessIdentity(Long.parseLong(fields.get("pid")), fields.get("start")));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static void remove(Path directory, long pid, Consumer<String> removed) {
        long bytes = sizeOf(directory);
        try {
            FileTrees.remove(directory);
        } catch (NoSuchFileException raced) {
            return;
        } catch (IOException e) {
            removed.accept("could not remove " + directory + ", left by pid " + pid + ", which is no longer running: " + e.getMessage());
            return;
        }
        removed.accept(String.format(Locale.ROOT, "removed %s (%.1f MiB), left by pid %d, which is no longer running",
                directory, bytes / 1048576.0, pid));
    }

    private static long sizeOf(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}

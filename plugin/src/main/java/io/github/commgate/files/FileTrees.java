package io.github.commgate.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing a directory and all it holds, as the launcher and the workers clean their scratch. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Removes {@code root} and everything below it, deepest first. A tree that is already gone,
     * or goes while this walks it (another cleaner got there first), is not an error.
     */
    public static void remove(Path root) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.walk(root)) {
            entries = files.sorted(Comparator.reverseOrder()).toList();
        } catch (NoSuchFileException | UncheckedIOException gone) {
            return;
        }
        for (Path entry : entries) {
            Files.deleteIfExists(entry);
        }
    }
}

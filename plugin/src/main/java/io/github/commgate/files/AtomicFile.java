package io.github.commgate.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all, so that a CI step reading it, or a build killed halfway,
 * sees either the old file or the new one: the text goes to a temporary file in the same
 * directory (a rename is atomic only within one file system), is forced to disk, and is then
 * renamed over the old file.
 */
public final class AtomicFile {

    /** What every temporary file ends with; one left by a killed build can be recognised and removed. */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    /** Who may read the file once it is in place. */
    public enum Readers {
        /**
         * Reports hold nothing secret and are read by CI steps that may run as another user (a
         * container's, an uploader's).
         */
        EVERYONE("rw-r--r--"),
        /**
         * Whoever could read the file it replaces (its mode is kept), everyone for a new one:
         * baselines are committed with the code and read by CI steps as reports are, and a mode
         * the user gave theirs is not taken from them.
         */
        AS_BEFORE("rw-r--r--");

        private final String permissions;

        Readers(String permissions) {
            this.permissions = permissions;
        }
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code text} as UTF-8 into {@code file}, creating its directory.
     *
     * @return {@code file}
     * @throws IOException when any step fails; the old file is then untouched and no temporary file is left
     */
    public static Path write(Path file, String text, Readers readers) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, temporaryPrefix(file.getFileName().toString()), TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, readers == Readers.AS_BEFORE && Files.isRegularFile(file)
                        ? Files.getPosixFilePermissions(file) : PosixFilePermissions.fromString(readers.permissions));
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** What a temporary file of {@code fileName} starts with: hidden, and named after the file it becomes. */
    public static String temporaryPrefix(String fileName) {
        return "." + fileName;
    }

    /**
     * The rename is durable only once the directory entry is on disk too. Linux allows forcing a
     * directory; Windows refuses to open one, and there the rename stands as the file system keeps it.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the file is in place and whole; only its survival of a power cut is less certain
        }
    }
}

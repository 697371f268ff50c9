package io.github.commgate.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An owner-only directory for the run's shared-memory files, on tmpfs where the machine has
 * one, removed with everything in it when the run ends, whatever the workers did.
 */
final class ScratchDirectory implements AutoCloseable {

    private static final Path SHM = Paths.get("/dev/shm");

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory create() throws IOException {
        Path parent = Files.isDirectory(SHM) && Files.isWritable(SHM) ? SHM : Paths.get(System.getProperty("java.io.tmpdir"));
        return new ScratchDirectory(Files.createTempDirectory(parent, "commgate-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

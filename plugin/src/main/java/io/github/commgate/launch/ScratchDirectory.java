package io.github.commgate.launch;

import io.github.commgate.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * An owner-only directory for the run's shared-memory files, on tmpfs where the machine has
 * one, removed with everything in it when the run ends, whatever the workers did: by the
 * launcher, or by its shutdown hook when Maven is stopped. Its name carries the Maven JVM's pid
 * and its {@value #OWNER_FILE} file that process's start, so that a run can remove what a killed
 * run left ({@link LeftoverScratch}) without touching a live one's.
 */
final class ScratchDirectory implements AutoCloseable {

    static final String PREFIX = "commgate-";
    static final String OWNER_FILE = "owner";
    private static final Path SHM = Paths.get("/dev/shm");

    private final Path path;
    private boolean removed;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** Removes what killed runs left in the parent, then makes this run's directory. */
    static ScratchDirectory create(Consumer<String> leftoverRemoved) throws IOException {
        return createIn(defaultParent(), leftoverRemoved);
    }

    static ScratchDirectory createIn(Path parent, Consumer<String> leftoverRemoved) throws IOException {
        LeftoverScratch.removeFrom(parent, leftoverRemoved);
        ProcessIdentity owner = ProcessIdentity.current();
        Path path = Files.createTempDirectory(parent, PREFIX + owner.pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // Written whole, then renamed: a reader sees the owner complete or not at all.
        Path partial = path.resolve(OWNER_FILE + ".partial");
        Files.writeString(partial, "pid=" + owner.pid() + "\nstart=" + owner.start() + "\n", StandardCharsets.UTF_8);
        Files.move(partial, path.resolve(OWNER_FILE), StandardCopyOption.ATOMIC_MOVE);
        return new ScratchDirectory(path);
    }

    static Path defaultParent() {
        return Files.isDirectory(SHM) && Files.isWritable(SHM) ? SHM : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    Path path() {
        return path;
    }

    /** Removes the directory; the launcher and the shutdown hook may both call it, at once. */
    @Override
    public synchronized void close() throws IOException {
        if (!removed) {
            FileTrees.remove(path);
            removed = true;
        }
    }
}

package io.github.commgate.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An AppCDS archive of the worker's classes (JDK 13+, "Dynamic CDS Archive" in the java tool's
 * manual): a worker JVM maps the classes it loads (Jackson, the protocol, the plan) from it
 * instead of parsing and verifying them from the jars each time. The first run's rank 0 writes
 * it at exit ({@code -XX:ArchiveClassesAtExit}) to a file of its own, which the launcher moves
 * into place only after a clean run; later runs map it ({@code -XX:SharedArchiveFile}, with
 * {@code -Xshare:auto}, so a stale or unusable archive only costs its benefit).
 *
 * <p>It lives in the user's cache directory, named by a hash of the worker's java and classpath
 * (each jar's path, size and time), so a new plugin version or JDK gets a new archive and
 * {@code mvn clean} does not throw it away. A user who passes any {@code -Xshare} or archive option
 * in jvmArgs gets none of this, nor does a classpath with a directory on it (tests).
 *
 * @param archive the archive to map, or to create
 * @param dumpTo  where rank 0 writes a new archive at exit; null when the archive exists
 */
public record ClassDataArchive(Path archive, Path dumpTo) {

    /** No archive: the JDK's own default CDS only. */
    public static final ClassDataArchive NONE = new ClassDataArchive(null, null);
    private static final String QUIET = "-Xlog:cds*=off";
    /** Archives kept in the cache directory: a few plugin versions and JDKs. */
    static final int KEPT = 8;

    /** The archive of these settings' workers under {@code cacheDirectory}, or none when the user chose their own sharing. */
    static ClassDataArchive prepare(LaunchSettings settings, Path cacheDirectory) {
        if (settings.jvmArgs().stream().anyMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile")
                || a.contains("ArchiveClassesAtExit"))) {
            return NONE;
        }
        // A dynamic archive sits on the JDK's base archive: a java without one (a jlink'd runtime
        // made without --generate-cds-archive) refuses to start with ArchiveClassesAtExit.
        if (!hasBaseArchive(settings.javaExecutable())) {
            return NONE;
        }
        // CDS archives classes from jars only; a classes directory (a test's) would stop the dump.
        Optional<String> key = settings.classpath().stream().allMatch(Files::isRegularFile) ? key(settings) : Optional.empty();
        if (key.isEmpty()) {
            return NONE;
        }
        Path archive = cacheDirectory.resolve("worker-" + key.get() + ".jsa");
        if (Files.isRegularFile(archive)) {
            return new ClassDataArchive(archive, null);
        }
        try {
            Files.createDirectories(cacheDirectory);
        } catch (IOException e) {
            return NONE;
        }
        return new ClassDataArchive(archive, cacheDirectory.resolve("worker-" + key.get() + "."
                + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsa.tmp"));
    }

    /** $XDG_CACHE_HOME/commgate, else ~/.cache/commgate: where the archives of all projects live. */
    static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("commgate").resolve("cds");
    }

    /**
     * The options of rank {@code rank}'s JVM: map the archive, or (rank 0 only) write it at exit.
     * CDS's own messages (classes it skips, an archive it cannot use) stay out of the rank's log,
     * where a failure's last lines are read: either way the worker runs the same.
     */
    List<String> jvmArgs(int rank) {
        if (archive == null) {
            return List.of();
        }
        if (dumpTo == null) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", QUIET);
        }
        return rank == 0 ? List.of("-XX:ArchiveClassesAtExit=" + dumpTo, QUIET) : List.of();
    }

    /**
     * After the run: the archive rank 0 wrote at its exit takes its place if the run was clean;
     * otherwise, or when it is empty, it is dropped.
     */
    void finish(boolean clean) {
        if (dumpTo == null) {
            return;
        }
        try {
            if (clean && Files.isRegularFile(dumpTo) && Files.size(dumpTo) > 0) {
                Files.move(dumpTo, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                pruneOlderThanTheNewest(archive.getParent(), KEPT);
            }
        } catch (IOException e) {
            // Only the head start of the next run is lost; it writes the archive again.
        } finally {
            try {
                Files.deleteIfExists(dumpTo);
            } catch (IOException ignored) {
                // Left in the cache directory; a later run's archive does not depend on it.
            }
        }
    }

    /**
     * Keeps the {@code kept} newest archives: each plugin version or JDK a machine ran leaves one
     * (about 12 MB), and an archive that is gone is only written again.
     */
    static void pruneOlderThanTheNewest(Path directory, int kept) throws IOException {
        List<Path> archives;
        try (Stream<Path> listing = Files.list(directory)) {
            archives = listing.filter(p -> p.getFileName().toString().matches("worker-[0-9a-f]+\\.jsa"))
                    .collect(Collectors.toList());
        }
        archives.sort(Comparator.comparing(ClassDataArchive::modified).reversed());
        for (Path old : archives.subList(Math.min(kept, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** A hash of the worker's java and its classpath's jars, or empty when one cannot be read. */
    private static Optional<String> key(LaunchSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>();
            files.add(settings.javaExecutable().toRealPath());
            files.addAll(settings.classpath());
            for (Path file : files) {
                digest.update((file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest(), 0, 12));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** The JDK's default CDS archive beside {@code java}: bin/java's lib/server/classes.jsa. */
    static boolean hasBaseArchive(Path java) {
        Path home = java.toAbsolutePath().getParent() == null ? null : java.toAbsolutePath().getParent().getParent();
        return home != null && Files.isRegularFile(home.resolve("lib").resolve("server").resolve("classes.jsa"));
    }
}

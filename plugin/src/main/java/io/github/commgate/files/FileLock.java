package io.github.commgate.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * An exclusive lock between processes on one file, so that two read-modify-write cycles of it
 * (two update-baseline builds at once) run one after the other and the second sees what the
 * first wrote. The lock is taken on a lock file in the system temp directory named after the
 * file's absolute path, not beside the file: the file is replaced by a rename on every write, so
 * it cannot carry the lock itself, and a lock file beside a baseline would show up in the user's
 * repository. The operating system releases the lock when its process ends, however it ends.
 */
public final class FileLock implements AutoCloseable {

    private static final long POLL_MILLIS = 100;
    private static final long SAY_EVERY_MILLIS = 15_000;

    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;

    private FileLock(FileChannel channel, java.nio.channels.FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits until this process holds the lock of {@code file}; while another holds it, tells
     * {@code waiting} so, at once and then every 15 seconds with how long it has waited.
     */
    public static FileLock acquire(Path file, Consumer<String> waiting) throws IOException {
        FileChannel channel = FileChannel.open(lockFile(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long start = System.currentTimeMillis();
        long said = -SAY_EVERY_MILLIS;
        try {
            while (true) {
                java.nio.channels.FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new FileLock(channel, lock);
                }
                long waited = System.currentTimeMillis() - start;
                if (waited - said >= SAY_EVERY_MILLIS) {
                    waiting.accept(String.format("waiting for another build that is updating %s; waited %d s", file,
                            waited / 1000));
                    said = waited;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock of " + file, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** commgate-file-&lt;sha-256 of the absolute path, 16 hex digits&gt;.lock in the system temp directory. */
    static Path lockFile(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "commgate-file-" + HexFormat.of().formatHex(digest, 0, 8) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static java.nio.channels.FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

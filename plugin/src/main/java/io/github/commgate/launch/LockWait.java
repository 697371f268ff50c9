package io.github.commgate.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The time a run spends waiting for another run's machine lock: it says whom it waits for when
 * the wait begins and every {@link MachineLock#REPORT_EVERY} after, and gives up with one line
 * when the {@code lockTimeout} has passed.
 */
final class LockWait {

    private static final long PAUSE_MILLIS = 100;

    private final Duration timeout;
    private final Consumer<String> waiting;
    private final long startNanos = System.nanoTime();
    private long reportedNanos = Long.MIN_VALUE;

    LockWait(Duration timeout, Consumer<String> waiting) {
        this.timeout = timeout;
        this.waiting = waiting;
    }

    /** One look found the lock held by {@code holder} (null: not known yet); fails once the timeout has passed. */
    void busy(String device, Path file, LockHolder holder) throws LaunchException {
        long now = System.nanoTime();
        long waited = now - startNanos;
        String who = LockHolder.describe(holder);
        if (waited >= timeout.toNanos()) {
            throw new LaunchException(String.format("another run was still measuring on %s after %d s (lockTimeout): %s holds %s",
                    device, timeout.toSeconds(), who, file));
        }
        if (reportedNanos == Long.MIN_VALUE || now - reportedNanos >= MachineLock.REPORT_EVERY.toNanos()) {
            reportedNanos = now;
            waiting.accept(String.format("waiting for the machine: %s is measuring on %s (%s); waited %d s of %d s (lockTimeout)",
                    who, device, file, Math.round(waited / 1e9), timeout.toSeconds()));
        }
    }

    /** Between two looks at a lock file. */
    static void pause() throws LaunchException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the machine lock");
        }
    }
}

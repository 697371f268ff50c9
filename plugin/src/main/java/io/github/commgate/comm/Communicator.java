package io.github.commgate.comm;

import java.io.IOException;
import java.util.Optional;

/**
 * An all-reduce implementation as the benchmark sees it. Every rank creates the same
 * communicators and measures the same points in the same order; a communicator may talk to its
 * peers only through its own shared state and the {@link Rendezvous} it was created with.
 */
public interface Communicator extends AutoCloseable {

    /** The name users select it by, such as {@code shm-oneshot} or {@code nccl}. */
    String name();

    /**
     * Why this communicator cannot all-reduce {@code point} here, or empty when it can. Every rank
     * must give the same answer, because a skipped point is skipped by all ranks together.
     */
    Optional<String> skipReason(AllReducePoint point);

    /**
     * Runs the warm-ups and timed trials of {@code point}, then checks one more all-reduce of
     * exactly representable inputs against the exact sum, outside the timed region.
     */
    PointMeasurement measure(AllReducePoint point) throws IOException;

    @Override
    void close() throws IOException;
}

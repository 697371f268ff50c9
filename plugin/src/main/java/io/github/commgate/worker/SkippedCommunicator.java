package io.github.commgate.worker;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.PointMeasurement;
import java.util.Optional;

/**
 * Stands in for a communicator that cannot run on this run's placement (its ranks share memory,
 * and they are on several nodes): never opened, so it touches no device and no peer, and every
 * point of it is skipped with the same reason on every rank.
 */
record SkippedCommunicator(String name, String reason) implements Communicator {

    @Override
    public Optional<String> skipReason(AllReducePoint point) {
        return Optional.of(reason);
    }

    @Override
    public PointMeasurement measure(AllReducePoint point) {
        throw new IllegalStateException(name + " is skipped on this run: " + reason);
    }

    @Override
    public void close() {
        // Nothing was opened.
    }
}

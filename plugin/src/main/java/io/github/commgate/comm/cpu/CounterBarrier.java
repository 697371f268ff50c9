package io.github.commgate.comm.cpu;

import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A barrier between the ranks of one communicator over its shared control area: each rank owns
 * one monotonically increasing arrival counter on its own cache line, and waits until every
 * peer's counter has reached its own.
 *
 * <p>Counters never go back, so one set of counters serves every barrier of every point: a peer
 * that has already raced into the next barrier shows a larger count, which {@code >=} accepts.
 * (vLLM's GPU barrier compares for equality and so needs separate start and end flag arrays; a
 * monotonic 64-bit counter cannot wrap in any run.) The file is created zero-filled, so every
 * counter starts at 0.
 */
final class CounterBarrier {

    /** One counter per line, so a rank spinning on a peer's counter never shares its line. */
    static final int LINE_BYTES = 128;
    /** Pure spinning is cheapest while the peers are running; past this, give up the core. */
    private static final int SPINS_BEFORE_YIELD = 256;

    private static final VarHandle COUNTERS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final ByteBuffer control;
    private final int rank;
    private final int worldSize;
    private long arrivals;

    CounterBarrier(ByteBuffer control, int rank, int worldSize) {
        if (control.capacity() < worldSize * LINE_BYTES) {
            throw new IllegalArgumentException("control area of " + control.capacity()
                    + " bytes has no line for each of " + worldSize + " ranks");
        }
        this.control = control;
        this.rank = rank;
        this.worldSize = worldSize;
    }

    static int controlBytes(int worldSize) {
        return worldSize * LINE_BYTES;
    }

    /**
     * Returns once every rank has arrived as often as this one.
     *
     * <p>note: the arrival is a release store and the wait an acquire load, so everything this
     * rank wrote before arriving (its input, its reduced slice) is visible to a peer that sees
     * the count, and every read this rank made before arriving (of a peer's input or scratch)
     * is finished before that peer, having seen the count, overwrites what was read. A plain
     * (opaque) store would do neither. On x86 both compile to ordinary moves; the cost is in
     * stopping the compiler from reordering, which is what we want.
     */
    void arriveAndWait() throws InterruptedIOException {
        long target = ++arrivals;
        COUNTERS.setRelease(control, rank * LINE_BYTES, target);
        for (int peer = 0; peer < worldSize; peer++) {
            if (peer != rank) {
                waitFor(peer, target);
            }
        }
    }

    private void waitFor(int peer, long target) throws InterruptedIOException {
        int offset = peer * LINE_BYTES;
        for (int spins = 0; (long) COUNTERS.getAcquire(control, offset) < target; spins++) {
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                // More ranks than cores (8 ranks on a 2-core runner): let the peer we wait for
                // run. The interrupt check costs nothing next to a yield and lets a test harness
                // stop ranks whose peer failed; a worker's dead peer gets everyone killed anyway.
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("rank " + rank + " interrupted while waiting for rank "
                            + peer + " to reach barrier " + target);
                }
                Thread.yield();
            }
        }
    }
}

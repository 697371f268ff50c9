package io.github.commgate.comm.cpu;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;

/**
 * Two-shot all-reduce over shared memory, vLLM's {@code cross_device_reduce_2stage} on CPUs: a
 * reduce-scatter (rank r sums slice r of every input into its own shared scratch), a barrier,
 * then an all-gather (every rank copies every reduced slice into its private output). Each
 * element is reduced by exactly one rank, so every rank ends with the same bits.
 *
 * <p>Slices are whole 16-byte vectors: {@code part = vectors / n}, and the last rank also takes
 * the remainder, as vLLM splits them.
 */
public final class ShmTwoShotAllReduce extends SharedMemoryAllReduce {

    public static final String NAME = "shm-twoshot";

    ShmTwoShotAllReduce(RankContext context) {
        super(context);
    }

    /**
     * Bytes read plus written by all ranks together in one all-reduce of {@code bytes}: the
     * reduce-scatter reads every input once ({@code n * bytes}) and writes each slice once
     * ({@code bytes}); the all-gather has every rank read all slices and write its output
     * ({@code 2 * n * bytes}); in all {@code (3n + 1) * bytes}.
     */
    public static long memoryTrafficBytes(long bytes, int worldSize) {
        return (3L * worldSize + 1) * bytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The largest slice any point up to the capacity gives a rank: part + remainder vectors. */
    @Override
    long scratchBytes(long capacityBytes, int worldSize) {
        long vectors = capacityBytes / VECTOR_BYTES;
        return Math.min(vectors, vectors / worldSize + worldSize - 1) * VECTOR_BYTES;
    }

    @Override
    void allReduce(AllReducePoint point, int offsetBytes) throws IOException {
        int vectors = (int) (point.bytes() / VECTOR_BYTES);
        int elementsPerVector = VECTOR_BYTES / point.dtype().bytes();
        int part = vectors / worldSize;
        // Start: every input is written, and every peer has finished gathering the previous
        // call's slices, so the scratch may be overwritten. This is why no end barrier is needed.
        barrier.arriveAndWait();
        int shift = offsetBytes / VECTOR_BYTES;
        int first = shift + rank * part;
        int last = first + sliceVectors(rank, part, vectors);
        sum.sum(point.dtype(), inputs, first * elementsPerVector, last * elementsPerVector,
                scratches[rank], 0);
        // note: release/acquire, so every reduced slice is visible before anyone gathers it.
        barrier.arriveAndWait();
        for (int i = 0; i < worldSize; i++) {
            // Start at our own slice and rotate, as vLLM does, so ranks read different peers.
            int owner = (rank + i) % worldSize;
            int length = sliceVectors(owner, part, vectors) * VECTOR_BYTES;
            output.copyFrom(scratches[owner], 0, offsetBytes + owner * part * VECTOR_BYTES, length);
        }
    }

    private int sliceVectors(int owner, int part, int vectors) {
        return owner == worldSize - 1 ? vectors - owner * part : part;
    }
}

package io.github.commgate.comm.cpu;

import io.github.commgate.comm.DType;
import io.github.commgate.numeric.Float16;
import java.nio.ByteBuffer;

/**
 * The arithmetic both algorithms share: the element-wise sum of a range of every rank's input,
 * taken in rank order 0..n-1 with fp32 accumulation and rounded once to the dtype, as vLLM's
 * kernels do. One fixed order means every rank that computes an element gets the same bits.
 *
 * <p>Where the JVM lets the Vector API load from buffers, bf16 and fp32 are summed straight
 * from the segments ({@link BufferVectorKernels}). Otherwise it works a chunk at a time: bulk-copy
 * a chunk of each rank's segment into a heap array (a memcpy), sum the arrays with
 * {@link RankOrderKernels} (Vector API where the JVM has it), bulk-copy the result out. The chunk
 * arrays stay in L1/L2, so main memory sees only the n reads and one write the algorithm needs.
 * Not thread-safe: one instance per rank.
 */
final class RankOrderSum {

    /**
     * Elements per chunk: 4 KiB of bf16 per rank, one page, so 2 ranks' chunks and the sums stay
     * in L1. Measured on 32 MiB bf16, 2 ranks, with the Vector API kernels (a noisy 2-core VM,
     * 6 runs each): 2048 was the steadiest, one-shot 7.7-9.5 ms; 512 and 1024 had the best single
     * runs (5-6 ms) but also the worst; 4096 and 8192 copied chunks in and out more slowly (the
     * copies alone took 1.5x as long), one-shot 10-22 ms.
     */
    static final int CHUNK_ELEMENTS = 2048;

    /** binary16 widening by table lookup: 256 KiB, cheaper than the branches of the conversion. */
    private static final float[] FLOAT16_VALUES = new float[1 << 16];

    static {
        for (int bits = 0; bits < FLOAT16_VALUES.length; bits++) {
            FLOAT16_VALUES[bits] = Float16.toFloat((short) bits);
        }
    }

    private final RankOrderKernels kernels = RankOrderKernels.create();
    private final boolean loadsFromBuffers;
    private ByteBuffer[] buffers = new ByteBuffer[0];
    private final short[] narrow = new short[CHUNK_ELEMENTS];
    private final float[] accumulator = new float[CHUNK_ELEMENTS];
    private final int[] pairSums = new int[CHUNK_ELEMENTS / 2];
    /** Where {@link RankOrderKernels#loadsFromBuffers()}: bf16 and fp32 skip the chunks. */
    RankOrderSum() {
        this(RankOrderKernels.loadsFromBuffers());
    }

    /** With {@code loadsFromBuffers} false, always the chunks: tests compare both paths. */
    RankOrderSum(boolean loadsFromBuffers) {
        this.loadsFromBuffers = loadsFromBuffers;
    }

    /** One chunk per rank, allocated for the world size of the first call. */
    private int[][] pairsByRank = new int[0][];
    private float[][] valuesByRank = new float[0][];

    /**
     * Writes to {@code destination} at element {@code destinationElement} the sum over all
     * {@code inputs} of elements {@code [fromElement, toElement)}.
     */
    void sum(DType dtype, TypedSegment[] inputs, int fromElement, int toElement,
             TypedSegment destination, int destinationElement) {
        int direct = dtype == DType.FP16 || !loadsFromBuffers ? 0
                : sumFromBuffers(dtype, inputs, fromElement, toElement, destination, destinationElement);
        sumInChunks(dtype, inputs, fromElement + direct, toElement, destination, destinationElement + direct);
    }

    /**
     * Sums the longest prefix of whole vectors straight from the segments (see
     * {@link BufferVectorKernels}) and returns its length in elements; the rest, shorter than
     * one vector, goes through the chunks.
     */
    private int sumFromBuffers(DType dtype, TypedSegment[] inputs, int fromElement, int toElement,
                               TypedSegment destination, int destinationElement) {
        int elementBytes = dtype.bytes();
        int length = (toElement - fromElement) * elementBytes / BufferVectorKernels.vectorBytes()
                * BufferVectorKernels.vectorBytes();
        if (buffers.length != inputs.length) {
            buffers = new ByteBuffer[inputs.length];
        }
        for (int rank = 0; rank < inputs.length; rank++) {
            buffers[rank] = inputs[rank].bytes();
        }
        int from = fromElement * elementBytes;
        int target = destinationElement * elementBytes;
        if (dtype == DType.BF16) {
            BufferVectorKernels.sumBFloat16(buffers, from, from + length, destination.bytes(), target);
        } else {
            BufferVectorKernels.sumFloat32(buffers, from, from + length, destination.bytes(), target);
        }
        return length / elementBytes;
    }

    private void sumInChunks(DType dtype, TypedSegment[] inputs, int fromElement, int toElement,
                             TypedSegment destination, int destinationElement) {
        for (int first = fromElement; first < toElement; first += CHUNK_ELEMENTS) {
            int count = Math.min(CHUNK_ELEMENTS, toElement - first);
            int target = destinationElement + (first - fromElement);
            switch (dtype) {
                case BF16 -> sumBFloat16(inputs, first, count, destination, target);
                case FP16 -> sumFloat16(inputs, first, count, destination, target);
                case FP32 -> sumFloat32(inputs, first, count, destination, target);
            }
        }
    }

    /**
     * Read as ints, two elements each: the kernels split the halves themselves. Ranges are whole
     * 16-byte vectors, hence an even count and an even first element.
     */
    private void sumBFloat16(TypedSegment[] inputs, int first, int count,
                             TypedSegment destination, int target) {
        int ranks = inputs.length;
        if (pairsByRank.length != ranks) {
            pairsByRank = new int[ranks][CHUNK_ELEMENTS / 2];
        }
        int pairs = count / 2;
        for (int rank = 0; rank < ranks; rank++) {
            inputs[rank].ints().get(first / 2, pairsByRank[rank], 0, pairs);
        }
        kernels.sumBFloat16Pairs(pairsByRank, ranks, pairs, pairSums);
        destination.ints().put(target / 2, pairSums, 0, pairs);
    }

    private void sumFloat16(TypedSegment[] inputs, int first, int count,
                            TypedSegment destination, int target) {
        inputs[0].shorts().get(first, narrow, 0, count);
        for (int i = 0; i < count; i++) {
            accumulator[i] = FLOAT16_VALUES[narrow[i] & 0xFFFF];
        }
        for (int rank = 1; rank < inputs.length; rank++) {
            inputs[rank].shorts().get(first, narrow, 0, count);
            for (int i = 0; i < count; i++) {
                accumulator[i] += FLOAT16_VALUES[narrow[i] & 0xFFFF];
            }
        }
        for (int i = 0; i < count; i++) {
            narrow[i] = Float16.fromFloat(accumulator[i]);
        }
        destination.shorts().put(target, narrow, 0, count);
    }

    private void sumFloat32(TypedSegment[] inputs, int first, int count,
                            TypedSegment destination, int target) {
        int ranks = inputs.length;
        if (valuesByRank.length != ranks) {
            valuesByRank = new float[ranks][CHUNK_ELEMENTS];
        }
        for (int rank = 0; rank < ranks; rank++) {
            inputs[rank].floats().get(first, valuesByRank[rank], 0, count);
        }
        kernels.sumFloat32(valuesByRank, ranks, count, accumulator);
        destination.floats().put(target, accumulator, 0, count);
    }
}

package io.github.commgate.comm.cpu;

import io.github.commgate.comm.DType;
import io.github.commgate.numeric.BFloat16;
import io.github.commgate.numeric.Float16;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * The arithmetic both algorithms share: the element-wise sum of a range of every rank's input,
 * taken in rank order 0..n-1 with fp32 accumulation and rounded once to the dtype, as vLLM's
 * kernels do. One fixed order means every rank that computes an element gets the same bits.
 *
 * <p>It works a chunk at a time: bulk-copy a chunk of each rank's segment into a heap array (a
 * memcpy), accumulate over plain arrays in loops C2 can vectorise, bulk-copy the result out. The
 * chunk arrays stay in L1/L2, so main memory sees only the n reads and one write the algorithm
 * needs. Not thread-safe: one instance per rank.
 */
final class RankOrderSum {

    /**
     * Elements per chunk: 4 KiB of bf16 per rank, so the chunk arrays stay in L1/L2. Measured on
     * 32 MiB bf16, 2 ranks: 1024 to 8192 all ran within 5 % of each other once the loops
     * vectorised; the time goes to per-element work, not to the per-chunk copies.
     */
    static final int CHUNK_ELEMENTS = 2048;

    /** binary16 widening by table lookup: 256 KiB, cheaper than the branches of the conversion. */
    private static final float[] FLOAT16_VALUES = new float[1 << 16];

    static {
        for (int bits = 0; bits < FLOAT16_VALUES.length; bits++) {
            FLOAT16_VALUES[bits] = Float16.toFloat((short) bits);
        }
    }

    private final short[] narrow = new short[CHUNK_ELEMENTS];
    private final int[] packed = new int[CHUNK_ELEMENTS / 2];
    // Two arrays, not two halves of one: C2 cannot prove that stores at i and i + pairs in one
    // array do not overlap, and then it does not vectorise the loop.
    private final int[] lowBits = new int[CHUNK_ELEMENTS / 2];
    private final int[] highBits = new int[CHUNK_ELEMENTS / 2];
    private final float[] wide = new float[CHUNK_ELEMENTS];
    private final float[] accumulator = new float[CHUNK_ELEMENTS];
    /** Direct, so its int and float views share bytes and bulk transfers are memory copies. */
    private final ByteBuffer stage = ByteBuffer.allocateDirect(CHUNK_ELEMENTS * Float.BYTES)
            .order(ByteOrder.nativeOrder());
    private final IntBuffer stageInts = stage.asIntBuffer();
    private final FloatBuffer stageFloats = stage.asFloatBuffer();

    /**
     * Writes to {@code destination} at element {@code destinationElement} the sum over all
     * {@code inputs} of elements {@code [fromElement, toElement)}.
     */
    void sum(DType dtype, TypedSegment[] inputs, int fromElement, int toElement,
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
     * bf16 widens by moving its 16 bits to the top of a float and narrows by rounding the low 16
     * bits away, but {@code Float.intBitsToFloat} and its inverse do not vectorise in JDK 17's
     * C2 (4x slower here). So the bits are reinterpreted through memory instead: integer loops
     * split each int of two elements into two planes of float bits, and a bulk put of ints into
     * a direct stage buffer followed by a bulk get of floats from it turns them into floats.
     * The planes keep each int's halves apart and rejoin them the same way, so the native
     * byte order does not matter. Ranges are whole 16-byte vectors, hence an even count.
     */
    private void sumBFloat16(TypedSegment[] inputs, int first, int count,
                             TypedSegment destination, int target) {
        int pairs = count / 2;
        for (int rank = 0; rank < inputs.length; rank++) {
            inputs[rank].ints().get(first / 2, packed, 0, pairs);
            for (int i = 0; i < pairs; i++) {
                int two = packed[i];
                lowBits[i] = two << 16;
                highBits[i] = two & 0xFFFF0000;
            }
            stageInts.put(0, lowBits, 0, pairs);
            stageInts.put(pairs, highBits, 0, pairs);
            if (rank == 0) {
                stageFloats.get(0, accumulator, 0, count);
            } else {
                stageFloats.get(0, wide, 0, count);
                for (int i = 0; i < count; i++) {
                    accumulator[i] += wide[i];
                }
            }
        }
        stageFloats.put(0, accumulator, 0, count);
        stageInts.get(0, lowBits, 0, pairs);
        stageInts.get(pairs, highBits, 0, pairs);
        for (int i = 0; i < pairs; i++) {
            packed[i] = (BFloat16.roundFloatBits(highBits[i]) << 16)
                    | BFloat16.roundFloatBits(lowBits[i]);
        }
        destination.ints().put(target / 2, packed, 0, pairs);
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
        inputs[0].floats().get(first, accumulator, 0, count);
        for (int rank = 1; rank < inputs.length; rank++) {
            inputs[rank].floats().get(first, wide, 0, count);
            for (int i = 0; i < count; i++) {
                accumulator[i] += wide[i];
            }
        }
        destination.floats().put(target, accumulator, 0, count);
    }
}

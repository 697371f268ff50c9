package io.github.commgate.comm.cpu;

import io.github.commgate.numeric.BFloat16;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * The kernels in plain Java, for JVMs without the Vector API: loops that JDK 17's C2 can
 * vectorise on its own, with the one conversion it cannot (int bits to float) done through
 * memory. The same bits as {@link VectorRankOrderKernels}, but its bf16 arithmetic alone takes
 * 5x as long (12.7 against 2.3 ms for 16 Mi elements of 2 ranks, one core of this EPYC).
 * Not thread-safe: it reuses its scratch arrays.
 */
final class ScalarRankOrderKernels implements RankOrderKernels {

    // Two arrays, not two halves of one: C2 cannot prove that stores at i and i + pairs in one
    // array do not overlap, and then it does not vectorise the loop.
    private int[] lowBits = new int[0];
    private int[] highBits = new int[0];
    private float[] wide = new float[0];
    private float[] accumulator = new float[0];
    /** Direct, so its int and float views share bytes and bulk transfers are memory copies. */
    private IntBuffer stageInts = IntBuffer.allocate(0);
    private FloatBuffer stageFloats = FloatBuffer.allocate(0);

    /**
     * bf16 widens by moving its 16 bits to the top of a float and narrows by rounding the low 16
     * bits away, but {@code Float.intBitsToFloat} and its inverse do not vectorise in JDK 17's
     * C2 (4x slower here). So the bits are reinterpreted through memory instead: integer loops
     * split each int of two elements into two planes of float bits, and a bulk put of ints into
     * a direct stage buffer followed by a bulk get of floats from it turns them into floats.
     */
    @Override
    public void sumBFloat16Pairs(int[][] pairsByRank, int ranks, int pairs, int[] sums) {
        int count = 2 * pairs;
        ensureCapacity(count);
        for (int rank = 0; rank < ranks; rank++) {
            int[] packed = pairsByRank[rank];
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
            sums[i] = (BFloat16.roundFloatBits(highBits[i]) << 16)
                    | BFloat16.roundFloatBits(lowBits[i]);
        }
    }

    @Override
    public void sumFloat32(float[][] valuesByRank, int ranks, int count, float[] sums) {
        System.arraycopy(valuesByRank[0], 0, sums, 0, count);
        for (int rank = 1; rank < ranks; rank++) {
            float[] values = valuesByRank[rank];
            for (int i = 0; i < count; i++) {
                sums[i] += values[i];
            }
        }
    }

    /** Grows the scratch to {@code count} elements; chunks have one size, so this runs once. */
    private void ensureCapacity(int count) {
        if (wide.length < count) {
            lowBits = new int[count / 2];
            highBits = new int[count / 2];
            wide = new float[count];
            accumulator = new float[count];
            ByteBuffer stage = ByteBuffer.allocateDirect(count * Float.BYTES)
                    .order(ByteOrder.nativeOrder());
            stageInts = stage.asIntBuffer();
            stageFloats = stage.asFloatBuffer();
        }
    }
}

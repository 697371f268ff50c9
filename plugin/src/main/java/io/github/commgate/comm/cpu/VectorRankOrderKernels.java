package io.github.commgate.comm.cpu;

import io.github.commgate.numeric.BFloat16;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels through the incubating Vector API, which does what JDK 17's C2 will not: treat
 * the same register as ints and as floats. Loaded only through {@link RankOrderKernels}, after
 * it has found the module, so a JVM without it never sees this class.
 *
 * <p>Only array loads and stores, lanewise operations and reinterpretation are used: those
 * exist unchanged from JDK 17 to 25, where the ByteBuffer loads do not. Each vector is summed
 * over all ranks in registers and stored once, so no accumulator array goes through the cache.
 * Lanes are independent and each follows the scalar code's operations, so the bits are those of
 * {@link ScalarRankOrderKernels}; the tails, shorter than a vector, run that scalar code.
 */
final class VectorRankOrderKernels implements RankOrderKernels {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int HIGH_HALF = 0xFFFF0000;

    /**
     * Where the preferred vector is shorter than 4 lanes (no SIMD unit the JIT uses), the Vector
     * API falls back to boxed Java code, far slower than the scalar kernels.
     */
    static boolean worthUsing() {
        return INTS.length() >= 4 && FLOATS.length() == INTS.length();
    }

    @Override
    public void sumBFloat16Pairs(int[][] pairsByRank, int ranks, int pairs, int[] sums) {
        int step = INTS.length();
        int vectorEnd = INTS.loopBound(pairs);
        int[] first = pairsByRank[0];
        for (int i = 0; i < vectorEnd; i += step) {
            // Each int is two bf16; moved to the top of a float's bits, each is that float.
            IntVector two = IntVector.fromArray(INTS, first, i);
            FloatVector low = lowHalves(two);
            FloatVector high = highHalves(two);
            for (int rank = 1; rank < ranks; rank++) {
                two = IntVector.fromArray(INTS, pairsByRank[rank], i);
                low = low.add(lowHalves(two));
                high = high.add(highHalves(two));
            }
            rejoined(low, high).intoArray(sums, i);
        }
        for (int i = vectorEnd; i < pairs; i++) {
            float low = Float.intBitsToFloat(first[i] << 16);
            float high = Float.intBitsToFloat(first[i] & HIGH_HALF);
            for (int rank = 1; rank < ranks; rank++) {
                low += Float.intBitsToFloat(pairsByRank[rank][i] << 16);
                high += Float.intBitsToFloat(pairsByRank[rank][i] & HIGH_HALF);
            }
            sums[i] = (BFloat16.roundFloatBits(Float.floatToRawIntBits(high)) << 16)
                    | BFloat16.roundFloatBits(Float.floatToRawIntBits(low));
        }
    }

    /** The bf16 in the low half of each int, as the float it is (moved to the top of its bits). */
    static FloatVector lowHalves(IntVector pairs) {
        return pairs.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }

    /** The bf16 in the high half of each int, as the float it is. */
    static FloatVector highHalves(IntVector pairs) {
        return pairs.and(HIGH_HALF).reinterpretAsFloats();
    }

    /** Each lane's two sums rounded to bf16 and packed back into one int, as they were read. */
    static IntVector rejoined(FloatVector low, FloatVector high) {
        return roundedToHighHalf(high).and(HIGH_HALF)
                .or(roundedToHighHalf(low).lanewise(VectorOperators.LSHR, 16));
    }

    /**
     * {@link BFloat16#roundFloatBits} lane by lane, leaving the bf16 in the high half (the low
     * half is garbage): the same round-to-nearest-even carry, and for NaN the same quiet NaN
     * with the sign and top payload bits. NaN is found by a float self-comparison and chosen by
     * a blend, one instruction each, where the scalar code's arithmetic mask takes three: this
     * kernel is bound by vector instructions, not memory, once its chunks are in L1.
     */
    private static IntVector roundedToHighHalf(FloatVector sum) {
        IntVector bits = sum.reinterpretAsInts();
        IntVector lowestKeptBit = bits.lanewise(VectorOperators.LSHR, 16).and(1);
        FloatVector rounded = bits.add(0x7FFF).add(lowestKeptBit).reinterpretAsFloats();
        FloatVector quietNaN = bits.or(0x0040_0000).reinterpretAsFloats();
        VectorMask<Float> nan = sum.compare(VectorOperators.NE, sum);
        return rounded.blend(quietNaN, nan).reinterpretAsInts();
    }

    @Override
    public void sumFloat32(float[][] valuesByRank, int ranks, int count, float[] sums) {
        int step = FLOATS.length();
        int vectorEnd = FLOATS.loopBound(count);
        float[] first = valuesByRank[0];
        for (int i = 0; i < vectorEnd; i += step) {
            FloatVector sum = FloatVector.fromArray(FLOATS, first, i);
            for (int rank = 1; rank < ranks; rank++) {
                sum = sum.add(FloatVector.fromArray(FLOATS, valuesByRank[rank], i));
            }
            sum.intoArray(sums, i);
        }
        for (int i = vectorEnd; i < count; i++) {
            float sum = first[i];
            for (int rank = 1; rank < ranks; rank++) {
                sum += valuesByRank[rank][i];
            }
            sums[i] = sum;
        }
    }
}

package io.github.commgate.comm;

import io.github.commgate.numeric.BFloat16;
import io.github.commgate.numeric.Float16;

/**
 * The inputs of the correctness check, chosen as nccl-tests does so that the exact sum is
 * representable: then a correct all-reduce must match it bit for bit, whatever order it sums in.
 *
 * <p>Every input is a multiple of 1/4 between -7.5 and 7.5. Any partial sum over at most 8 ranks
 * is then a multiple of 1/4 of magnitude at most 60, below 64: such a number needs at most 8
 * significant bits, which bfloat16 has (fp16 has 11, fp32 24). So every addition is exact in all
 * three types, with fp32 or with narrow accumulation, in rank order or rotated.
 *
 * <p>The value is a hash of (rank, index), not a ramp: an element read from the wrong index, a
 * slice copied to the wrong place, or a rank left out changes the sum at almost every element.
 * The values are the same for every dtype; only their encoding differs. No buffers here, so
 * the CUDA backend fills its host staging arrays with the same numbers.
 */
public final class ExactSumPattern {

    public static final int MAX_WORLD_SIZE = 8;
    /** Largest input magnitude in quarters: 8 ranks x 30/4 = 60 < 64 (see class comment). */
    static final int MAX_QUARTERS = 30;
    /** Number of distinct quarter values; prime, so the hash spreads evenly over them. */
    private static final int QUARTER_VALUES = 2 * MAX_QUARTERS + 1;

    private ExactSumPattern() {
    }

    /** The input of {@code rank} at element {@code index}. */
    public static float input(int rank, long index) {
        return quarters(rank, index) * 0.25f;
    }

    /** The exact sum of the inputs of ranks {@code 0..worldSize-1} at element {@code index}. */
    public static float expectedSum(int worldSize, long index) {
        if (worldSize < 1 || worldSize > MAX_WORLD_SIZE) {
            throw new IllegalArgumentException(
                    "world size " + worldSize + " is outside 1.." + MAX_WORLD_SIZE);
        }
        int total = 0;
        for (int rank = 0; rank < worldSize; rank++) {
            total += quarters(rank, index);
        }
        return total * 0.25f;
    }

    /** The input encoded in {@code dtype}: 16 bits in the low half, or the float's raw bits. */
    public static int inputBits(int rank, long index, DType dtype) {
        return encode(input(rank, index), dtype);
    }

    public static int expectedBits(int worldSize, long index, DType dtype) {
        return encode(expectedSum(worldSize, index), dtype);
    }

    /** {@code value} in the bits of {@code dtype}; exact for every value this class produces. */
    public static int encode(float value, DType dtype) {
        return switch (dtype) {
            case BF16 -> BFloat16.fromFloat(value) & 0xFFFF;
            case FP16 -> Float16.fromFloat(value) & 0xFFFF;
            case FP32 -> Float.floatToRawIntBits(value);
        };
    }

    public static float decode(int bits, DType dtype) {
        return switch (dtype) {
            case BF16 -> BFloat16.toFloat((short) bits);
            case FP16 -> Float16.toFloat((short) bits);
            case FP32 -> Float.intBitsToFloat(bits);
        };
    }

    /** An integer in [-MAX_QUARTERS, MAX_QUARTERS] that looks random in both rank and index. */
    static int quarters(int rank, long index) {
        // A murmur3-style finaliser over the two coordinates: cheap, and every input bit moves
        // the result, so neighbouring elements and neighbouring ranks get unrelated values.
        int h = (int) (index ^ (index >>> 32)) * 0x9E3779B1 + (rank + 1) * 0x85EBCA77;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return Integer.remainderUnsigned(h, QUARTER_VALUES) - MAX_QUARTERS;
    }
}

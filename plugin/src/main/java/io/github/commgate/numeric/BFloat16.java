package io.github.commgate.numeric;

/**
 * bfloat16 (1 sign, 8 exponent, 7 mantissa bits): the upper half of an IEEE binary32, so
 * widening is a shift and narrowing is rounding away the lower 16 bits.
 *
 * <p>Bits travel as {@code short} (or as the low 16 bits of an {@code int}), because that is how
 * they sit in a tensor. The static methods are small and branch-free so that C2 inlines and
 * vectorises them inside the reduction loops.
 */
public final class BFloat16 {

    /** Canonical quiet NaN, as {@code __float2bfloat16(NAN)} produces it. */
    public static final short NaN = 0x7FC0;
    public static final short POSITIVE_INFINITY = 0x7F80;
    public static final short NEGATIVE_INFINITY = (short) 0xFF80;

    private BFloat16() {
    }

    /** Exact: every bfloat16 value is a float. */
    public static float toFloat(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /** Rounds to the nearest bfloat16, ties to even; NaN stays NaN (quiet), infinities stay. */
    public static short fromFloat(float value) {
        return (short) roundFloatBits(Float.floatToRawIntBits(value));
    }

    /**
     * Round-to-nearest-even narrowing on the raw bits of a float, returning the 16 bfloat16 bits
     * in the low half. Adding {@code 0x7FFF} plus the lowest kept bit carries into the kept part
     * exactly when the dropped part is above half, or exactly half with an odd kept part; a carry
     * out of the mantissa bumps the exponent, and out of the largest finite value gives infinity,
     * which is the IEEE result. NaN is selected with a mask rather than a branch, keeping the sign
     * and the top payload bits and setting the quiet bit (a NaN whose payload lives only in the
     * dropped bits would otherwise truncate to infinity).
     */
    public static int roundFloatBits(int floatBits) {
        int rounded = (floatBits + 0x7FFF + ((floatBits >>> 16) & 1)) >>> 16;
        int quietNaN = (floatBits >>> 16) | 0x0040;
        int nanMask = (0x7F800000 - (floatBits & 0x7FFFFFFF)) >> 31;
        return ((rounded & ~nanMask) | (quietNaN & nanMask)) & 0xFFFF;
    }

    public static boolean isNaN(short bits) {
        return (bits & 0x7FFF) > 0x7F80;
    }
}

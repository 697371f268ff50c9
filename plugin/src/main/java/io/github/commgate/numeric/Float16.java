package io.github.commgate.numeric;

/**
 * IEEE 754 binary16 (1 sign, 5 exponent, 10 mantissa bits) to and from float, written out because
 * Java 17 has no {@code Float.floatToFloat16}. Narrowing rounds to nearest, ties to even, through
 * subnormals, and overflows to infinity, as {@code __float2half} does on the GPU.
 */
public final class Float16 {

    /** Canonical quiet NaN. */
    public static final short NaN = 0x7E00;
    public static final short POSITIVE_INFINITY = 0x7C00;
    public static final short NEGATIVE_INFINITY = (short) 0xFC00;
    /** 65504, the largest finite value. */
    public static final short MAX_VALUE = 0x7BFF;

    /** Float bits of 65520: halfway between 65504 and the next step, 65536, so ties go to inf. */
    private static final int FIRST_OVERFLOW_BITS = 0x477FF000;
    /** Biased float exponent of 2^-14, the smallest normal binary16. */
    private static final int FLOAT_EXPONENT_OF_MIN_NORMAL = 113;
    /** Float bits of 2^-25: half the smallest subnormal; at or below it, rounding gives zero. */
    private static final int HALF_OF_MIN_SUBNORMAL_BITS = 0x33000000;
    /** Exponent bias difference between float (127) and binary16 (15). */
    private static final int REBIAS = 127 - 15;

    private Float16() {
    }

    /** Exact: every binary16 value, subnormals included, is a float. */
    public static float toFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Subnormal (or zero): mantissa units of 2^-24, exactly representable as a float.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + REBIAS) << 23) | (mantissa << 13));
    }

    /** Rounds to the nearest binary16, ties to even; NaN stays NaN (quiet), infinities stay. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        if (magnitude >= 0x7F800000) {
            boolean infinite = magnitude == 0x7F800000;
            return (short) (sign | (infinite ? 0x7C00 : 0x7E00 | ((magnitude >>> 13) & 0x3FF)));
        }
        if (magnitude >= FIRST_OVERFLOW_BITS) {
            return (short) (sign | 0x7C00);
        }
        int exponent = magnitude >>> 23;
        if (exponent >= FLOAT_EXPONENT_OF_MIN_NORMAL) {
            // Same trick as bfloat16: rebias, then let the rounding carry ripple into the exponent.
            int rebiased = magnitude - (REBIAS << 23);
            return (short) (sign | ((rebiased + 0xFFF + ((rebiased >>> 13) & 1)) >>> 13));
        }
        if (magnitude <= HALF_OF_MIN_SUBNORMAL_BITS) {
            return (short) sign;
        }
        return (short) (sign | roundToSubnormal(magnitude, exponent));
    }

    /**
     * The value in units of 2^-24 (the subnormal step) is the 24-bit significand shifted right by
     * {@code 126 - exponent} (14 to 24 bits here); round that shift to nearest even. A result of
     * 0x400 is the smallest normal, which is the right encoding too.
     */
    private static int roundToSubnormal(int magnitude, int exponent) {
        int significand = (magnitude & 0x7FFFFF) | 0x800000;
        int shift = 126 - exponent;
        int kept = significand >>> shift;
        int dropped = significand & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (dropped > half || (dropped == half && (kept & 1) == 1)) {
            kept++;
        }
        return kept;
    }

    public static boolean isNaN(short bits) {
        return (bits & 0x7FFF) > 0x7C00;
    }
}

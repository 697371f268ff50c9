package io.github.commgate.comm;

import java.util.Locale;

/**
 * Compares an all-reduce's output, element by element, with the exact sum of
 * {@link ExactSumPattern}'s inputs, counting the mismatches and describing the first. Every
 * backend reads its output its own way and feeds the bits here.
 */
public final class ExactSumCheck {

    private final int worldSize;
    private final DType dtype;
    private long mismatches;
    private String firstMismatch = "";

    public ExactSumCheck(int worldSize, DType dtype) {
        this.worldSize = worldSize;
        this.dtype = dtype;
    }

    /** {@code actualBits}: element {@code element} of the output, encoded as ExactSumPattern encodes. */
    public void compare(long element, int actualBits) {
        int expected = ExactSumPattern.expectedBits(worldSize, element, dtype);
        if (actualBits != expected && mismatches++ == 0) {
            firstMismatch = describe(element, expected, actualBits, dtype);
        }
    }

    public Correctness result() {
        return mismatches == 0 ? Correctness.exact() : new Correctness(mismatches, firstMismatch);
    }

    public static String describe(long element, int expected, int actual, DType dtype) {
        String hex = dtype == DType.FP32 ? "0x%08X" : "0x%04X";
        return String.format(Locale.ROOT, "element %d: expected %s (" + hex + "), got %s (" + hex + ")",
                element, ExactSumPattern.decode(expected, dtype), expected,
                ExactSumPattern.decode(actual, dtype), actual);
    }
}

package io.github.commgate.comm;

/**
 * Outcome of the exact check that follows the timed rounds of a point on one rank: how many
 * elements differ from the exact sum, and the first of them in words.
 */
public record Correctness(long mismatches, String firstMismatch) {

    public static Correctness exact() {
        return new Correctness(0, "");
    }

    public boolean correct() {
        return mismatches == 0;
    }
}

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

    /**
     * This outcome as found at one offset of a rotating buffer: named by it where a round uses
     * several ({@code slots} > 1), as it is where there is only one.
     */
    public Correctness atOffset(long offsetBytes, int slots) {
        return correct() || slots == 1 ? this
                : new Correctness(mismatches, "at rotating offset " + offsetBytes + " bytes: " + firstMismatch);
    }
}

package io.github.commgate.result;

/**
 * What one rank reports for one point: its per-trial latencies and its correctness check, or
 * why the point was skipped (then the arrays are empty).
 *
 * @param startedAtEpochMillis when this rank began the point, after the barrier before it
 */
public record RankPointResult(int rank, String communicator, int sequenceLength,
                              long startedAtEpochMillis, String skipReason, double[] latencyMicros,
                              long mismatches, String firstMismatch) {

    public static RankPointResult skipped(int rank, String communicator, int sequenceLength,
                                          long startedAtEpochMillis, String reason) {
        return new RankPointResult(rank, communicator, sequenceLength, startedAtEpochMillis, reason,
                new double[0], 0, "");
    }

    public boolean isSkipped() {
        return skipReason != null && !skipReason.isEmpty();
    }
}

package io.github.commgate.result;

/**
 * What one rank reports for one point: its per-trial latencies and its correctness check, or
 * why the point was skipped (then the arrays are empty).
 *
 * @param startedAtEpochMillis when this rank began the point, after the barrier before it
 * @param hostMicros           vLLM's figure: host wall-clock over all trials / trials / cycles
 *                             (NaN where the backend does not measure it)
 */
public record RankPointResult(int rank, String communicator, int sequenceLength,
                              long startedAtEpochMillis, String skipReason, double[] latencyMicros,
                              double hostMicros, long mismatches, String firstMismatch) {

    /** A measurement without vLLM's host figure, as the CPU backend makes them. */
    public RankPointResult(int rank, String communicator, int sequenceLength, long startedAtEpochMillis,
                           String skipReason, double[] latencyMicros, long mismatches, String firstMismatch) {
        this(rank, communicator, sequenceLength, startedAtEpochMillis, skipReason, latencyMicros, Double.NaN,
                mismatches, firstMismatch);
    }

    public static RankPointResult skipped(int rank, String communicator, int sequenceLength,
                                          long startedAtEpochMillis, String reason) {
        return new RankPointResult(rank, communicator, sequenceLength, startedAtEpochMillis, reason,
                new double[0], Double.NaN, 0, "");
    }

    public boolean isSkipped() {
        return skipReason != null && !skipReason.isEmpty();
    }
}

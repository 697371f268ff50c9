package io.github.commgate.result;

import io.github.commgate.stats.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One (communicator, size) point of a run across all ranks. Each trial's sample is the slowest
 * rank's, because an all-reduce is finished only when it is finished everywhere.
 *
 * @param rankLatencyMicros per rank, per trial: microseconds per all-reduce
 * @param mismatches        per rank with a wrong output, one line saying where and how
 * @param hostMicros        rank 0's host wall-clock per all-reduce, the figure vLLM's benchmark
 *                          prints (NaN where not measured)
 * @param wallSeconds       the wall time the run spent on this point, from the end of the point
 *                          before it to the moment every rank had reported it: set-up, warm-ups,
 *                          trials and the correctness check (NaN where not known)
 */
public record PointResult(String communicator, int sequenceLength, int hiddenSize, long bytes,
                          int worldSize, PointStatus status, String skipReason,
                          double[][] rankLatencyMicros, List<String> mismatches, double hostMicros, double wallSeconds) {

    public PointResult {
        mismatches = List.copyOf(mismatches);
    }

    /** A point whose wall time is not known (yet): the launcher combines ranks before the run's clock is read. */
    public PointResult(String communicator, int sequenceLength, int hiddenSize, long bytes, int worldSize, PointStatus status,
                       String skipReason, double[][] rankLatencyMicros, List<String> mismatches, double hostMicros) {
        this(communicator, sequenceLength, hiddenSize, bytes, worldSize, status, skipReason, rankLatencyMicros, mismatches,
                hostMicros, Double.NaN);
    }

    public PointResult withWallSeconds(double seconds) {
        return new PointResult(communicator, sequenceLength, hiddenSize, bytes, worldSize, status, skipReason, rankLatencyMicros,
                mismatches, hostMicros, seconds);
    }

    /** Combines what every rank reported for the same point. */
    public static PointResult combine(List<RankPointResult> ranks, int hiddenSize, long bytes) {
        List<RankPointResult> sorted = ranks.stream().sorted(Comparator.comparingInt(RankPointResult::rank)).toList();
        RankPointResult first = sorted.get(0);
        int worldSize = sorted.size();
        for (RankPointResult rank : sorted) {
            if (rank.isSkipped()) {
                return new PointResult(first.communicator(), first.sequenceLength(), hiddenSize, bytes,
                        worldSize, PointStatus.SKIPPED, rank.skipReason(), new double[0][], List.of(), Double.NaN);
            }
        }
        double[][] latencies = new double[worldSize][];
        List<String> mismatches = new ArrayList<>();
        for (RankPointResult rank : sorted) {
            latencies[rank.rank()] = rank.latencyMicros();
            if (rank.mismatches() > 0) {
                mismatches.add(String.format("rank %d: %d wrong elements, first %s",
                        rank.rank(), rank.mismatches(), rank.firstMismatch()));
            }
        }
        PointStatus status = mismatches.isEmpty() ? PointStatus.MEASURED : PointStatus.INCORRECT;
        return new PointResult(first.communicator(), first.sequenceLength(), hiddenSize, bytes,
                worldSize, status, "", latencies, mismatches, first.hostMicros());
    }

    /** Per trial, the slowest rank's latency. */
    public double[] samplesMicros() {
        if (rankLatencyMicros.length == 0) {
            return new double[0];
        }
        int trials = rankLatencyMicros[0].length;
        double[] slowest = new double[trials];
        for (int t = 0; t < trials; t++) {
            double worst = 0;
            for (double[] rank : rankLatencyMicros) {
                worst = Math.max(worst, rank[t]);
            }
            slowest[t] = worst;
        }
        return slowest;
    }

    public double medianMicros() {
        return status == PointStatus.MEASURED ? Statistics.median(samplesMicros()) : Double.NaN;
    }

    /**
     * The interquartile range of the slowest-rank samples: how far apart the middle half of the
     * trials lie, the spread a reader weighs a change of the median against. NaN unless measured.
     */
    public double interquartileMicros() {
        if (status != PointStatus.MEASURED) {
            return Double.NaN;
        }
        double[] samples = samplesMicros();
        return Statistics.quantile(samples, 0.75) - Statistics.quantile(samples, 0.25);
    }

    /** Algorithm bandwidth in GB/s (10^9 bytes): tensor bytes over the median time. */
    public double algorithmBandwidthGBps() {
        return bytes / (medianMicros() * 1e3);
    }

    /** Bus bandwidth as nccl-tests defines it for all-reduce: algbw x 2(n-1)/n. */
    public double busBandwidthGBps() {
        return algorithmBandwidthGBps() * 2.0 * (worldSize - 1) / worldSize;
    }
}

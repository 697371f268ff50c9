package io.github.commgate.baseline;

import io.github.commgate.result.Units;
import java.util.Comparator;
import java.util.List;

/**
 * One (communicator, size) entry of a baseline.
 *
 * @param samplesMicros    the slowest rank's latency per trial, as measured when it was recorded
 *                         (every recording run's trials, pooled); kept so the gate can test
 *                         significance, not only compare medians
 * @param runMediansMicros the median of each recording run on its own: how far runs move apart,
 *                         which sets the point's default limit; empty in files of format 1
 * @param reason           why this point was allowed to get slower when it was last recorded,
 *                         null when it was not
 */
public record BaselinePoint(String communicator, int sequenceLength, long bytes, double medianMicros,
                            List<Double> samplesMicros, List<Double> runMediansMicros, String reason) {

    /** The order points are written in, so that a diff of an update lines up point by point. */
    public static final Comparator<BaselinePoint> FILE_ORDER = Comparator.comparing(BaselinePoint::communicator)
            .thenComparingLong(BaselinePoint::bytes).thenComparingInt(BaselinePoint::sequenceLength);

    public BaselinePoint {
        samplesMicros = List.copyOf(samplesMicros);
        runMediansMicros = List.copyOf(runMediansMicros);
        reason = reason == null || reason.isBlank() ? null : reason.trim();
    }

    public double[] samples() {
        return samplesMicros.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public boolean isFor(String communicator, int sequenceLength) {
        return this.communicator.equals(communicator) && this.sequenceLength == sequenceLength;
    }

    public String label() {
        return Units.pointLabel(communicator, bytes);
    }

    /** This point with a reason for being slower than before (null for none). */
    public BaselinePoint withReason(String why) {
        return new BaselinePoint(communicator, sequenceLength, bytes, medianMicros, samplesMicros, runMediansMicros, why);
    }
}

package io.github.commgate.baseline;

import io.github.commgate.result.Units;
import java.util.Comparator;
import java.util.List;

/**
 * One (communicator, size) entry of a baseline.
 *
 * @param samplesMicros the slowest rank's latency per trial, as measured when it was recorded;
 *                      kept so the gate can test significance, not only compare medians
 */
public record BaselinePoint(String communicator, int sequenceLength, long bytes, double medianMicros,
                            List<Double> samplesMicros) {

    /** The order points are written in, so that a diff of an update lines up point by point. */
    public static final Comparator<BaselinePoint> FILE_ORDER = Comparator.comparing(BaselinePoint::communicator)
            .thenComparingLong(BaselinePoint::bytes).thenComparingInt(BaselinePoint::sequenceLength);

    public BaselinePoint {
        samplesMicros = List.copyOf(samplesMicros);
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
}

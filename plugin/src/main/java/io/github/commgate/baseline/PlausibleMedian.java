package io.github.commgate.baseline;

import io.github.commgate.stats.Statistics;
import java.util.Locale;
import java.util.Optional;

/**
 * A recorded median the gate can compare with. An edited or corrupted baseline whose median is
 * zero passes any run, one that is not the median of its own samples disagrees with the rank test
 * on the same point, and one of hours is no latency of an all-reduce: each would make the
 * verdict meaningless, so the file is refused instead.
 */
final class PlausibleMedian {

    /** An hour: far above any all-reduce, far below what overflows the reports' arithmetic. */
    static final double MAX_MICROS = 3.6e9;

    private PlausibleMedian() {
    }

    static Optional<String> problem(BaselinePoint point) {
        double median = point.medianMicros();
        if (!Double.isFinite(median) || median > MAX_MICROS) {
            return Optional.of(String.format(Locale.ROOT, "'median_us' is %s; a latency must be finite and under an hour", median));
        }
        if (median == 0) {
            return Optional.of("'median_us' is 0; an all-reduce never takes no time, and a zero would pass any run");
        }
        double ofSamples = Statistics.median(point.samples());
        // Baselines keep every number to the nanosecond (0.001 us), so the two may differ by that rounding.
        if (Math.abs(ofSamples - median) > Math.max(0.0015, 1e-6 * median)) {
            return Optional.of(String.format(Locale.ROOT, "'median_us' is %s, but the median of its 'samples_us' is %.3f",
                    median, ofSamples));
        }
        return Optional.empty();
    }
}

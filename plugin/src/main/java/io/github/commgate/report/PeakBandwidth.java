package io.github.commgate.report;

import io.github.commgate.machine.MachineFacts;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The peak bus bandwidth a run's environment reports ({@link MachineFacts#PEAK_BUS_BANDWIDTH_GBPS}),
 * and a point's bus bandwidth as a share of it, as nccl-tests' bus bandwidth is meant to be read:
 * against the hardware's peak, independent of the number of ranks.
 *
 * @param source where the figure came from, "" where the environment does not say
 */
record PeakBandwidth(double gbps, String source) {

    /** Empty where the environment has no usable figure, so no report shows a share of nothing. */
    static Optional<PeakBandwidth> of(Map<String, String> environment) {
        double gbps = MachineFacts.number(environment, MachineFacts.PEAK_BUS_BANDWIDTH_GBPS).orElse(Double.NaN);
        if (!(gbps > 0) || Double.isInfinite(gbps)) {
            return Optional.empty();
        }
        return Optional.of(new PeakBandwidth(gbps, environment.getOrDefault(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE, "")));
    }

    /** "78 %", or "" where the bus bandwidth is not a number. */
    String percentOf(double busBandwidthGBps) {
        return Double.isFinite(busBandwidthGBps) ? String.format(Locale.ROOT, "%.0f %%", 100 * busBandwidthGBps / gbps) : "";
    }

    /** "peak bus bandwidth 450.0 GB/s (NVML: 18 NVLinks x 25 GB/s)". */
    String sentence() {
        return String.format(Locale.ROOT, "peak bus bandwidth %.1f GB/s%s", gbps, source.isEmpty() ? "" : " (" + source + ")");
    }
}

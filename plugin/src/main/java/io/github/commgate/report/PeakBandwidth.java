package io.github.commgate.report;

import io.github.commgate.machine.MachineFacts;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
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
record PeakBandwidth(double gbps, String source, boolean oneRank) {

    /**
     * Empty where the environment has no usable figure, so no report shows a share of nothing.
     * At one rank the bus bandwidth is 0 by definition, so a point's algorithm bandwidth is read
     * against the peak there (a copy's bandwidth, see MachineFacts).
     */
    static Optional<PeakBandwidth> of(RunResult run) {
        Map<String, String> environment = run.environment();
        double gbps = MachineFacts.number(environment, MachineFacts.PEAK_BUS_BANDWIDTH_GBPS).orElse(Double.NaN);
        if (!(gbps > 0) || Double.isInfinite(gbps)) {
            return Optional.empty();
        }
        return Optional.of(new PeakBandwidth(gbps, environment.getOrDefault(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE, ""),
                run.plan().worldSize() == 1));
    }

    /** "78 %", or "" where the point has no bandwidth. */
    String percentOf(PointResult point) {
        double bandwidth = oneRank ? point.algorithmBandwidthGBps() : point.busBandwidthGBps();
        return Double.isFinite(bandwidth) ? String.format(Locale.ROOT, "%.0f %%", 100 * bandwidth / gbps) : "";
    }

    /** "peak bus bandwidth 450.0 GB/s (NVML: 18 NVLinks x 25 GB/s)"; at one rank, of the algorithm bandwidth. */
    String sentence() {
        return String.format(Locale.ROOT, "peak %s bandwidth %.1f GB/s%s", oneRank ? "algorithm" : "bus", gbps,
                source.isEmpty() ? "" : " (" + source + ")");
    }
}

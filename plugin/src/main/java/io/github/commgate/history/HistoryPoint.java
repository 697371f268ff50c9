package io.github.commgate.history;

/**
 * One point of one run as the history keeps it: enough to draw its trend against the baseline
 * and the limit it was judged by, and no samples, so a year of runs stays a small file.
 *
 * @param verdict        the gate's verdict ("PASS", "REGRESSED", ...), or null for a run no gate judged
 * @param medianMicros   NaN where the point was skipped or gave no samples
 * @param iqrMicros      the interquartile range of its samples; NaN where not measured
 * @param baselineMicros the baseline median it was compared with; NaN without one
 * @param limitMicros    the slowest median that would have passed; NaN without a baseline
 */
public record HistoryPoint(String communicator, int sequenceLength, long bytes, String verdict, double medianMicros,
                           double iqrMicros, double baselineMicros, double limitMicros) {

    /** Regressed or gave a wrong result: what made its run fail. */
    public boolean failed() {
        return "REGRESSED".equals(verdict) || "INCORRECT".equals(verdict);
    }

    public boolean improved() {
        return "IMPROVED".equals(verdict);
    }

    /** The change a point may make before it fails, in percent of its baseline; NaN without a baseline. */
    public double allowedPercent() {
        return (limitMicros / baselineMicros - 1) * 100;
    }
}

package io.github.commgate.history;

/**
 * One run's value of one point in a trend.
 *
 * @param run       the run's position among the runs of the trend, oldest 0
 * @param runFailed the run as a whole failed (a regression anywhere, or broken infrastructure)
 */
public record TrendPoint(int run, HistoryRecord record, HistoryPoint point, boolean runFailed) {

    public double medianMicros() {
        return point.medianMicros();
    }

    /** The allowed change in percent where the run had a baseline for the point, else {@code fallback}. */
    double allowedPercentOr(double fallback) {
        double allowed = point.allowedPercent();
        return Double.isFinite(allowed) && allowed > 0 ? allowed : fallback;
    }
}

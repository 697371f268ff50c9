package io.github.commgate.stats;

import java.util.Arrays;

/** Order statistics over samples; NaN rather than an exception where there is nothing to summarise. */
public final class Statistics {

    private Statistics() {
    }

    public static double median(double[] samples) {
        return quantile(samples, 0.5);
    }

    /** Linear interpolation between closest ranks (the "R-7" definition, as NumPy's default). */
    public static double quantile(double[] samples, double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    public static double min(double[] samples) {
        return Arrays.stream(samples).min().orElse(Double.NaN);
    }

    public static double max(double[] samples) {
        return Arrays.stream(samples).max().orElse(Double.NaN);
    }
}

package io.github.commgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis of a chart: maps a value to a pixel coordinate and yields ticks at round steps
 * (1, 2 or 5 times a power of ten), about as many as asked for, whatever the values.
 *
 * @param from pixel of {@code low}; larger than {@code to} for a y axis, whose pixels grow downwards
 */
record LinearAxis(double low, double high, double from, double to) {

    /** An axis over {@code min..max}, widened by {@code margin} of its span on each side; a single value gets a span of 1. */
    static LinearAxis over(double min, double max, double margin, double from, double to) {
        double low = Double.isFinite(min) ? min : 0;
        double high = Double.isFinite(max) ? max : low + 1;
        if (high - low < 1e-9 * Math.max(1, Math.abs(high))) {
            low -= 0.5;
            high += 0.5;
        }
        double pad = (high - low) * margin;
        return new LinearAxis(low - pad, high + pad, from, to);
    }

    double pixel(double value) {
        double clamped = Math.max(low, Math.min(high, value));
        return from + (clamped - low) / (high - low) * (to - from);
    }

    /** Ticks at a round step that gives at most {@code maxTicks} of them inside the axis. */
    List<Double> ticks(int maxTicks) {
        double rough = (high - low) / Math.max(1, maxTicks);
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = decade;
        for (double mantissa : new double[] {1, 2, 5, 10}) {
            step = mantissa * decade;
            if ((high - low) / step <= maxTicks) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double tick = Math.ceil(low / step) * step; tick <= high + 1e-9 * step && ticks.size() <= maxTicks; tick += step) {
            ticks.add(Math.abs(tick) < 1e-9 * step ? 0.0 : tick);
        }
        return ticks;
    }
}

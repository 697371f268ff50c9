package io.github.commgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis of the latency chart: maps a value to a pixel coordinate. Sizes run from
 * 0.25 MiB to 128 MiB and latencies over as many decades, so a linear axis would flatten every
 * small size into the corner. Every axis stays between the smallest normal and the largest
 * double, and yields a bounded number of ticks, whatever values it is given.
 *
 * @param from pixel of {@code low}; larger than {@code to} for a y axis, whose pixels grow downwards
 */
record LogAxis(double low, double high, double from, double to) {

    private static final double[] ONE_TWO_FIVE = {1, 2, 5};
    private static final double[] EVERY_DIGIT = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    /** An axis over {@code min..max}, widened by {@code margin} of its log span on each side. */
    static LogAxis over(double min, double max, double margin, double from, double to) {
        double low = Math.log(bounded(min));
        double high = Math.log(bounded(max));
        if (high - low < 1e-9) {
            low -= Math.log(2); // one size alone: give it a span to sit in the middle of
            high += Math.log(2);
        }
        double pad = (high - low) * margin;
        return new LogAxis(bounded(Math.exp(low - pad)), bounded(Math.exp(high + pad)), from, to);
    }

    /**
     * An axis from the 1-2-5 tick at or below {@code min} to the one at or above {@code max}, so
     * that at least two ticks are labelled even when all values sit within one decade.
     */
    static LogAxis snappedToTicks(double min, double max, double margin, double from, double to) {
        return over(tickAtOrBelow(bounded(min)), tickAtOrAbove(bounded(max)), margin, from, to);
    }

    static double tickAtOrBelow(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        double tick = decade;
        for (double mantissa : ONE_TWO_FIVE) {
            if (mantissa * decade <= value * (1 + 1e-9)) {
                tick = mantissa * decade;
            }
        }
        return tick;
    }

    static double tickAtOrAbove(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double mantissa : ONE_TWO_FIVE) {
            if (mantissa * decade >= value * (1 - 1e-9)) {
                return mantissa * decade;
            }
        }
        return 10 * decade;
    }

    double pixel(double value) {
        double fraction = (Math.log(bounded(value)) - Math.log(low)) / (Math.log(high) - Math.log(low));
        return from + fraction * (to - from);
    }

    boolean contains(double value) {
        return value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9);
    }

    /**
     * Ticks at 1, 2 and 5 of each decade inside the axis; at whole decades only where that would
     * be more than {@code maxTicks}, and at every n-th decade where even those would be, so labels
     * never crowd; at every digit where it would be fewer than three, so a narrow range still reads.
     */
    List<Double> decadeTicks(int maxTicks) {
        List<Double> fine = ticks(ONE_TWO_FIVE, 1);
        if (fine.size() < 3) {
            return ticks(EVERY_DIGIT, 1);
        }
        if (fine.size() <= maxTicks) {
            return fine;
        }
        List<Double> decades = ticks(new double[] {1}, 1);
        int step = Math.max(1, (decades.size() + maxTicks - 1) / Math.max(1, maxTicks));
        return ticks(new double[] {1}, step);
    }

    /** Ticks at each mantissa of every {@code step}-th decade (decades that are multiples of {@code step}). */
    private List<Double> ticks(double[] mantissas, int step) {
        List<Double> ticks = new ArrayList<>();
        int first = Math.floorDiv((int) Math.floor(Math.log10(low)), step) * step;
        int last = (int) Math.ceil(Math.log10(high));
        for (int exponent = first; exponent <= last; exponent += step) {
            for (double mantissa : mantissas) {
                double tick = mantissa * Math.pow(10, exponent);
                if (Double.isFinite(tick) && contains(tick)) {
                    ticks.add(tick);
                }
            }
        }
        return ticks;
    }

    /**
     * A value the axis can take the logarithm of and map to a finite pixel: positive and finite,
     * which a hand-edited baseline (a median of 1e308, or 0) need not be.
     */
    private static double bounded(double value) {
        if (!(value >= Double.MIN_NORMAL)) {
            return Double.MIN_NORMAL; // also NaN
        }
        return Math.min(value, Double.MAX_VALUE);
    }
}

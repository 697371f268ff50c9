package io.github.commgate.gate;

import io.github.commgate.result.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How numbers are written in the gate's sentences. One place, so that every message rounds the
 * same way: a violation rounds toward failing (the limit down, the measurement up), so the
 * printed numbers never look as if the point should have passed.
 */
final class Figures {

    private Figures() {
    }

    /** "shm-oneshot 2 MiB": how a point is named in every sentence. */
    static String label(String communicator, long bytes) {
        return Units.pointLabel(communicator, bytes);
    }

    static String micros(double value) {
        return tenths(value, RoundingMode.HALF_UP);
    }

    static String microsUp(double value) {
        return tenths(value, RoundingMode.CEILING);
    }

    static String microsDown(double value) {
        return tenths(value, RoundingMode.FLOOR);
    }

    /** A user's number as they wrote it: 10 rather than 10.0, 7.5 as 7.5. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A percentage to one decimal, for sentences that say the direction in words. */
    static String percent(double percent) {
        return tenths(percent, RoundingMode.HALF_UP);
    }

    /** "+3.7" or "-12.0": a change in percent, signed so the direction is never in doubt. */
    static String signedPercent(double percent) {
        String text = tenths(percent, RoundingMode.HALF_UP);
        return percent >= 0 && !text.startsWith("-") ? "+" + text : text;
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "p = n/a";
        }
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /**
     * Rounds to a multiple of 0.1. The detour through six decimals first drops binary noise:
     * 677.3 x 1.1 is 745.0300000000001 in a double, and 745.0 must not floor to 744.9.
     */
    private static String tenths(double value, RoundingMode mode) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal cleaned = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
        return cleaned.setScale(1, mode).toPlainString();
    }
}

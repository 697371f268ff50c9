package io.github.commgate.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How sizes and latencies are written wherever a person reads them (console, reports,
 * sentences), so that the same point reads the same everywhere. Machine formats (JSON, XML
 * attributes meant for tools) keep raw numbers instead.
 */
public final class Units {

    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    /** Above this a plain number would be a row of digits no one reads; only absurd inputs get here. */
    private static final double LARGEST_PLAIN = 1e9;

    private Units() {
    }

    /**
     * "256 KiB", "2 MiB", "1.56 MiB": a tensor size as people say it, in the binary unit that
     * keeps the number at 1 or more, to three significant digits. Every table, sentence, chart
     * axis and progress line writes sizes so, and the sequence length beside it where a row
     * needs the exact point.
     */
    public static String size(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1000 to 1023 of a unit keep their fourth digit: 1023 KiB is not 1020 KiB.
        String number = unit == 0 ? Long.toString(bytes) : value >= 1000 ? Long.toString((long) value) : significant(value);
        return number + " " + SIZE_UNITS[unit];
    }

    /** "2 MiB (seq 128)": a size with the sequence length that made it, as the reports' rows name a point. */
    public static String sizeOfSequence(long bytes, int sequenceLength) {
        return size(bytes) + " (seq " + sequenceLength + ")";
    }

    /** "shm-oneshot 2 MiB": how a point is named in every sentence. */
    public static String pointLabel(String communicator, long bytes) {
        return communicator + " " + size(bytes);
    }

    /** "40.2 us": a latency as tables and progress lines show it. */
    public static String micros(double micros) {
        return microsNumber(micros) + " us";
    }

    /** "40.2": a latency in a column whose heading names the unit. */
    public static String microsNumber(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros);
    }

    /** "812.31 us": a latency where a reader compares it with a limit to the hundredth. */
    public static String microsToHundredths(double micros) {
        return String.format(Locale.ROOT, "%.2f us", micros);
    }

    /** "200", "1.5", "0.25": three significant digits without trailing zeros, for a chart's ticks. */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros();
        return Math.abs(value) < LARGEST_PLAIN ? rounded.toPlainString() : rounded.toString();
    }
}

package io.github.commgate.report;

import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The verdict table that the Markdown and HTML reports share, one row per (size, communicator)
 * in the run's order, with every cell already written as text so the two formats cannot drift.
 */
final class VerdictRows {

    /** benchstat's mark for a change it cannot tell from noise. */
    static final String NOT_SIGNIFICANT_MARK = "~";
    static final String NOT_SIGNIFICANT_NOTE = NOT_SIGNIFICANT_MARK
            + " beyond the threshold, but not statistically significant: it passes";
    static final List<String> HEADER = List.of("Size", "Communicator", "Baseline", "Current", "Delta", "p", "Verdict");
    /** Which of the columns above hold numbers, to be right-aligned. */
    static final List<Boolean> NUMERIC = List.of(false, false, true, true, true, true, false);

    private static final double MIB = 1024.0 * 1024.0;

    private VerdictRows() {
    }

    record Row(PointVerdict point, String size, String communicator, String baseline, String current,
               String delta, String pValue, String verdict) {

        List<String> cells() {
            return List.of(size, communicator, baseline, current, delta, pValue, verdict);
        }
    }

    static List<Row> of(GateOutcome outcome) {
        return outcome.points().stream().map(VerdictRows::row).toList();
    }

    static boolean anyNotSignificant(GateOutcome outcome) {
        return outcome.points().stream().anyMatch(PointVerdict::notSignificant);
    }

    /** Why points were not run: the table has no room for the reason, and a reader asks for it. */
    static List<String> skipSentences(GateOutcome outcome) {
        return outcome.withVerdict(Verdict.SKIPPED).stream().map(PointVerdict::sentence).toList();
    }

    /** Points whose numbers the baseline should take up: faster ones, and ones it lacks. */
    static boolean suggestsUpdate(GateOutcome outcome) {
        return !outcome.withVerdict(Verdict.IMPROVED).isEmpty() || !outcome.withVerdict(Verdict.NO_BASELINE).isEmpty();
    }

    /** The outcome as one word a reader scans for; no emoji, so it reads alike in logs and mail. */
    static String statusWord(GateOutcome.Decision decision) {
        return decision.name().replace('_', ' ');
    }

    /** "2.00 MiB (seq 128)": the size as the tables print it, with the sequence length that made it. */
    static String sizeLabel(long bytes, int sequenceLength) {
        return String.format(Locale.ROOT, "%.2f MiB (seq %d)", bytes / MIB, sequenceLength);
    }

    static String micros(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f us", value) : "";
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static Row row(PointVerdict point) {
        String delta = point.deltaText();
        if (point.notSignificant()) {
            delta = delta + " " + NOT_SIGNIFICANT_MARK;
        }
        return new Row(point, sizeLabel(point.bytes(), point.sequenceLength()), point.communicator(),
                micros(point.baselineMedianMicros()), micros(point.currentMedianMicros()), delta,
                pValue(point.pValue()), point.verdict().name().replace('_', ' '));
    }
}

package io.github.commgate.report;

import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.result.Units;
import java.util.List;
import java.util.Locale;

/** How the verdict table is headed and how each point becomes a {@link VerdictRow}, in the run's order. */
final class VerdictRows {

    /** benchstat's mark for a change it cannot tell from noise. */
    static final String NOT_SIGNIFICANT_MARK = "~";
    static final String NOT_SIGNIFICANT_NOTE = NOT_SIGNIFICANT_MARK
            + " beyond the threshold, but not statistically significant: it passes";
    /** "Limit": how far above the baseline a median may go; "Catches": the smallest slowdown the point can detect. */
    static final List<String> HEADER = List.of("Size", "Communicator", "Baseline", "Current", "Delta", "Limit", "Catches", "p",
            "Verdict");
    /** Which of the columns above hold numbers, to be right-aligned. */
    static final List<Boolean> NUMERIC = List.of(false, false, true, true, true, true, true, true, false);

    private VerdictRows() {
    }

    static List<VerdictRow> of(List<PointVerdict> points) {
        return points.stream().map(VerdictRows::row).toList();
    }

    /** The outcome as one word a reader scans for; no emoji, so it reads alike in logs and mail. */
    static String statusWord(GateOutcome.Decision decision) {
        return decision.name().replace('_', ' ');
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String micros(double value) {
        return Double.isFinite(value) ? Units.micros(value) : "";
    }

    private static VerdictRow row(PointVerdict point) {
        String delta = point.deltaText();
        if (point.notSignificant()) {
            delta = delta + " " + NOT_SIGNIFICANT_MARK;
        }
        return new VerdictRow(point, Units.sizeOfSequence(point.bytes(), point.sequenceLength()), point.communicator(),
                micros(point.baselineMedianMicros()), micros(point.currentMedianMicros()), delta, point.limitText(),
                point.detectableText(), pValue(point.pValue()), point.verdict().name().replace('_', ' '));
    }
}

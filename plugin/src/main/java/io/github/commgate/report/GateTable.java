package io.github.commgate.report;

import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.result.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console table of the check goal: one row per point, in the run's order, with the
 * baseline, the current median, the change, the rank test's p and the verdict. A "~" after the
 * change marks a median beyond the threshold that was not significant, as benchstat prints.
 */
public final class GateTable {

    private static final String ROW = "%-16s %12s %13s %13s %10s %9s %8s %8s  %s";

    private GateTable() {
    }

    public static List<String> lines(GateOutcome outcome) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(ROW, "communicator", "size", "baseline us", "current us", "delta", "limit", "catches", "p",
                "verdict"));
        for (PointVerdict point : outcome.points()) {
            lines.add(String.format(Locale.ROOT, ROW, point.communicator(), Units.size(point.bytes()),
                    micros(point.baselineMedianMicros()), micros(point.currentMedianMicros()),
                    Double.isNaN(point.deltaPercent()) ? "" : point.deltaText() + (point.notSignificant() ? " ~" : ""),
                    point.limitText(), point.detectableText(),
                    Double.isNaN(point.pValue()) ? "" : String.format(Locale.ROOT, "%.3f", point.pValue()),
                    point.verdict()).stripTrailing());
        }
        return lines;
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "-" : Units.microsNumber(value);
    }
}

package io.github.commgate.report;

import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.Units;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How each point becomes a {@link VerdictRow}, in the run's order. */
final class VerdictRows {

    /** benchstat's mark for a change it cannot tell from noise. */
    static final String NOT_SIGNIFICANT_MARK = "~";
    static final String NOT_SIGNIFICANT_NOTE = NOT_SIGNIFICANT_MARK
            + " beyond the threshold, but not statistically significant: it passes";

    private VerdictRows() {
    }

    /** @param run the points' measurements, for the figures the verdicts do not carry (spread, bandwidth) */
    static List<VerdictRow> of(RunResult run, List<PointVerdict> points) {
        Optional<PeakBandwidth> peak = PeakBandwidth.of(run);
        return points.stream().map(p -> row(p, run.point(p.communicator(), p.sequenceLength()), peak)).toList();
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

    /** Three significant digits: a spread of 0.05 us on an 8 us GPU point must not read as "0.0 us". */
    static String spread(double micros) {
        return Double.isFinite(micros) ? Units.significant(micros) + " us" : "";
    }

    private static VerdictRow row(PointVerdict point, Optional<PointResult> measured, Optional<PeakBandwidth> peak) {
        String delta = point.deltaText();
        if (point.notSignificant()) {
            delta = delta + " " + NOT_SIGNIFICANT_MARK;
        }
        double busBandwidth = measured.filter(m -> m.status() == PointStatus.MEASURED)
                .map(PointResult::busBandwidthGBps).filter(Double::isFinite).orElse(Double.NaN);
        Map<VerdictColumn, String> cells = new EnumMap<>(VerdictColumn.class);
        cells.put(VerdictColumn.SIZE, Units.sizeOfSequence(point.bytes(), point.sequenceLength()));
        cells.put(VerdictColumn.COMMUNICATOR, point.communicator());
        cells.put(VerdictColumn.BASELINE, micros(point.baselineMedianMicros()));
        cells.put(VerdictColumn.CURRENT, micros(point.currentMedianMicros()));
        cells.put(VerdictColumn.IQR, measured.map(m -> spread(m.interquartileMicros())).orElse(""));
        cells.put(VerdictColumn.DELTA, delta);
        cells.put(VerdictColumn.LIMIT, point.limitText());
        cells.put(VerdictColumn.CATCHES, point.detectableText());
        cells.put(VerdictColumn.P, pValue(point.pValue()));
        cells.put(VerdictColumn.BUS_BANDWIDTH, Double.isFinite(busBandwidth)
                ? String.format(Locale.ROOT, "%.2f GB/s", busBandwidth) : "");
        cells.put(VerdictColumn.OF_PEAK, measured.filter(m -> m.status() == PointStatus.MEASURED)
                .flatMap(m -> peak.map(p -> p.percentOf(m))).orElse(""));
        cells.put(VerdictColumn.VERDICT, point.verdict().name().replace('_', ' '));
        return new VerdictRow(point, cells);
    }
}

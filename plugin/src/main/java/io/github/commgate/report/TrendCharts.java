package io.github.commgate.report;

import io.github.commgate.history.HistoryPoint;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.LevelStep;
import io.github.commgate.history.Timestamps;
import io.github.commgate.history.Trend;
import io.github.commgate.history.TrendPoint;
import io.github.commgate.history.TrendSeries;
import io.github.commgate.result.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * The trend of an environment's last runs as small charts, one per (communicator, size): the
 * point's median run by run (oldest left, every chart over the same runs), the baseline it was
 * compared with (grey, dashed) and its limit (red, dashed). A run that failed is ringed red, a
 * point that regressed is filled red and one that improved green, and a dotted vertical line
 * marks where the level stepped ({@link LevelStep}). Every marker's tooltip names the run.
 */
final class TrendCharts {

    static final String BASELINE_COLOUR = "#777";
    /** "12-03 14:07" at the chart's font size, in pixels, with a little room. */
    private static final double DATE_LABEL_WIDTH = 64;
    private static final int WIDTH = 300;
    private static final int HEIGHT = 170;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;

    private TrendCharts() {
    }

    /** The section of a page: a heading, what the marks mean, and one figure per series. */
    static String section(Trend trend) {
        int runs = trend.runs().size();
        return section(trend, "<h2>Trend of the last " + runs + (runs == 1 ? " run" : " runs") + "</h2>\n");
    }

    /** @param heading the section's heading, as markup */
    static String section(Trend trend, String heading) {
        StringBuilder html = new StringBuilder("<section class=\"trend\">\n").append(heading);
        int runs = trend.runs().size();
        html.append("<p class=\"trend-note\">").append(XmlText.escape("Median per run, oldest left, from "
                + Timestamps.readable(trend.runs().get(0).startedAt()) + " to " + Timestamps.readable(trend.runs().get(runs - 1)
                .startedAt()) + "; grey dashed: the baseline, red dashed: the limit; a red ring: the run failed; filled red:"
                + " the point regressed, green: improved; a dotted line: the level stepped (docs/ci.md says how).")).append("</p>\n");
        html.append("<div class=\"trend-grid\">\n");
        for (TrendSeries series : trend.series()) {
            html.append("<figure class=\"trend-series\" data-series=\"").append(XmlText.escape(series.label())).append("\">\n")
                    .append(chart(series, runs)).append('\n')
                    .append("<figcaption>").append(XmlText.escape(caption(series))).append("</figcaption>\n</figure>\n");
        }
        return html.append("</div>\n</section>\n").toString();
    }

    private static String caption(TrendSeries series) {
        String caption = series.label();
        if (series.creep().isPresent()) {
            caption += String.format(Locale.ROOT, ": creeping up %+.1f %%", series.creep().get().risePercent());
        }
        return caption;
    }

    static String chart(TrendSeries series, int runs) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " class=\"trend-chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s over the"
                + " last runs\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, XmlText.escape(series.label())));
        List<TrendPoint> measured = series.measured();
        if (measured.isEmpty()) {
            svg.append(Svg.text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "never measured in these runs"));
            return svg.append("</svg>").toString();
        }
        LinearAxis x = LinearAxis.over(0, Math.max(1, runs - 1), 0.04, LEFT, WIDTH - RIGHT);
        LinearAxis y = LinearAxis.over(min(measured), max(measured), 0.1, HEIGHT - BOTTOM, TOP);
        axes(svg, x, y, series, runs);
        String name = XmlText.escape(series.communicator());
        line(svg, "limit", name, measured, p -> p.point().limitMicros(), x, y, LatencyChart.REGRESSED_COLOUR,
                " stroke-dasharray=\"5 3\"", true);
        line(svg, "baseline", name, measured, p -> p.point().baselineMicros(), x, y, BASELINE_COLOUR, " stroke-dasharray=\"5 3\"",
                true);
        line(svg, "median", name, measured, TrendPoint::medianMicros, x, y, LatencyChart.colour(0), "", false);
        for (LevelStep step : series.steps()) {
            double px = x.pixel(step.at().run());
            svg.append(Svg.line(px, TOP, px, HEIGHT - BOTTOM, "#555", " class=\"step\" stroke-dasharray=\"2 3\""));
            svg.append(Svg.text(px + 3, TOP + 10, "start", String.format(Locale.ROOT, "%+.0f %%", step.percent())));
        }
        for (TrendPoint point : measured) {
            marker(svg, point, x, y);
        }
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, LinearAxis x, LinearAxis y, TrendSeries series, int runs) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#bbb\"/>%n",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (double tick : y.ticks(4)) {
            double py = y.pixel(tick);
            svg.append(Svg.line(LEFT, py, WIDTH - RIGHT, py, "#eee", ""));
            svg.append(Svg.text(LEFT - 4, py + 4, "end", Units.significant(tick) + " us"));
        }
        List<TrendPoint> points = series.points();
        HistoryRecord first = points.get(0).record();
        HistoryRecord last = points.get(points.size() - 1).record();
        double firstX = x.pixel(points.get(0).run());
        double lastX = x.pixel(points.get(points.size() - 1).run());
        svg.append(Svg.text(firstX, HEIGHT - 8, "start", Timestamps.compact(first.startedAt())));
        // The first label runs right of its point, the last left of its own: both only where they cannot overlap.
        if (runs > 1 && lastX - firstX >= 2 * DATE_LABEL_WIDTH) {
            svg.append(Svg.text(lastX, HEIGHT - 8, "end", Timestamps.compact(last.startedAt())));
        }
    }

    /**
     * @param steps hold each value until the next run's, as a baseline or a limit holds until it is
     *              updated; a median is a measurement, drawn straight from run to run
     */
    private static void line(StringBuilder svg, String kind, String name, List<TrendPoint> points,
                             ToDoubleFunction<TrendPoint> value, LinearAxis x, LinearAxis y, String colour, String dash,
                             boolean steps) {
        List<TrendPoint> drawn = points.stream().filter(p -> Double.isFinite(value.applyAsDouble(p))).toList();
        List<String> xy = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            double current = value.applyAsDouble(drawn.get(i));
            double before = i > 0 ? value.applyAsDouble(drawn.get(i - 1)) : current;
            if (steps && before != current) {
                xy.add(Svg.xy(x.pixel(drawn.get(i).run()), y.pixel(before)));
            }
            xy.add(Svg.xy(x.pixel(drawn.get(i).run()), y.pixel(current)));
        }
        if (!xy.isEmpty()) {
            svg.append(Svg.polyline(kind, name, xy, colour, " stroke-width=\"1.5\"" + dash));
        }
    }

    private static void marker(StringBuilder svg, TrendPoint point, LinearAxis x, LinearAxis y) {
        HistoryPoint p = point.point();
        String kind = "run" + (point.runFailed() ? " failed-run" : "") + (p.failed() ? " regressed" : p.improved() ? " improved" : "");
        String fill = p.failed() ? LatencyChart.REGRESSED_COLOUR : p.improved() ? DeltaChart.IMPROVED_COLOUR : LatencyChart.colour(0);
        String stroke = point.runFailed() ? LatencyChart.REGRESSED_COLOUR : fill;
        svg.append(Svg.circle(kind, x.pixel(point.run()), y.pixel(p.medianMicros()), point.runFailed() ? 5 : 3,
                fill, stroke, tooltip(point)));
    }

    /** "2026-11-24 06:00 UTC, commit 0123abc on main: median 41.0 us (IQR 0.5 us), PASS; the run: FAIL". */
    static String tooltip(TrendPoint point) {
        HistoryRecord run = point.record();
        HistoryPoint p = point.point();
        String revision = run.origin().revision();
        String iqr = Double.isFinite(p.iqrMicros()) ? " (IQR " + VerdictRows.spread(p.iqrMicros()) + ")" : "";
        String verdict = p.verdict() == null ? "" : ", " + p.verdict().replace('_', ' ');
        return Timestamps.readable(run.startedAt()) + (revision.isEmpty() ? "" : ", " + revision) + ": median "
                + Units.micros(p.medianMicros()) + iqr + verdict + "; the run: " + run.decision().replace('_', ' ');
    }

    private static double min(List<TrendPoint> points) {
        return values(points).min().orElse(0);
    }

    private static double max(List<TrendPoint> points) {
        return values(points).max().orElse(1);
    }

    /** Medians, baselines and limits: the chart shows all three, so its axis must hold them. */
    private static DoubleStream values(List<TrendPoint> points) {
        return points.stream().flatMapToDouble(p -> Stream.of(p.medianMicros(), p.point().baselineMicros(), p.point().limitMicros())
                .mapToDouble(Double::doubleValue))
                .filter(v -> v >= LatencyChart.SHORTEST_DRAWN_MICROS && v <= LatencyChart.LONGEST_DRAWN_MICROS);
    }
}

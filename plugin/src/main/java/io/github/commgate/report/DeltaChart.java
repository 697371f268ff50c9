package io.github.commgate.report;

import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import io.github.commgate.result.Units;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The HTML report's chart of change: each point's median against its baseline's, in percent,
 * over the tensor size (log scale), one line per communicator, and the limit each point was
 * judged by as a dashed line of the same colour. A 10 % change that a latency axis spanning four
 * decades hides is a tenth of this one's height. Regressed points are ringed red, improved
 * ones green; every point carries its sentence as a tooltip.
 */
final class DeltaChart {

    static final String IMPROVED_COLOUR = "#2e7d32";
    /** Changes beyond these are drawn at the edge: the chart is for telling 5 % from 15 %, not 500 % from 900 %. */
    static final double LOWEST_DRAWN_PERCENT = -100;
    static final double HIGHEST_DRAWN_PERCENT = 400;

    private static final int WIDTH = 860;
    private static final int HEIGHT = 330;
    private static final int LEFT = 70;
    private static final int TOP = 20;
    private static final int PLOT_WIDTH = 600;
    private static final int PLOT_HEIGHT = 260;

    private final List<String> communicators;
    private final List<PointVerdict> compared;

    DeltaChart(List<String> communicators, List<PointVerdict> points) {
        this.communicators = communicators;
        this.compared = points.stream().filter(p -> Double.isFinite(p.deltaPercent()) && p.bytes() > 0).toList();
    }

    String svg() {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"delta-chart\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"change against the baseline by tensor"
                + " size\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        if (compared.isEmpty()) {
            svg.append(Svg.text(LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT / 2.0, "middle", "no point was compared with a baseline"));
            return svg.append("</svg>").toString();
        }
        LogAxis x = LogAxis.over(compared.stream().mapToLong(PointVerdict::bytes).min().orElseThrow(),
                compared.stream().mapToLong(PointVerdict::bytes).max().orElseThrow(), 0.05, LEFT, LEFT + PLOT_WIDTH);
        double low = Math.min(0, compared.stream().mapToDouble(PointVerdict::deltaPercent).min().orElseThrow());
        double high = Math.max(0, compared.stream().mapToDouble(p -> Math.max(p.deltaPercent(), limitPercent(p)))
                .filter(Double::isFinite).max().orElse(0));
        LinearAxis y = LinearAxis.over(Math.max(low, LOWEST_DRAWN_PERCENT), Math.min(high, HIGHEST_DRAWN_PERCENT), 0.08,
                TOP + PLOT_HEIGHT, TOP);
        axes(svg, x, y);
        for (int i = 0; i < communicators.size(); i++) {
            series(svg, communicators.get(i), LatencyChart.colour(i), x, y);
        }
        for (PointVerdict point : compared) {
            marker(svg, point, LatencyChart.colour(communicators.indexOf(point.communicator())), x, y);
        }
        legend(svg);
        long clipped = compared.stream().filter(p -> p.deltaPercent() < LOWEST_DRAWN_PERCENT || p.deltaPercent() > HIGHEST_DRAWN_PERCENT)
                .count();
        if (clipped > 0) {
            svg.append(Svg.text(LEFT + PLOT_WIDTH / 2.0, TOP + 14, "middle", clipped + (clipped == 1 ? " change" : " changes")
                    + " beyond +400 % drawn at the edge (see the table)"));
        }
        return svg.append("</svg>").toString();
    }

    /** How far above the baseline the limit is, in percent; NaN without one. */
    static double limitPercent(PointVerdict point) {
        return (point.limitMicros() / point.baselineMedianMicros() - 1) * 100;
    }

    private void axes(StringBuilder svg, LogAxis x, LinearAxis y) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT));
        for (long bytes : compared.stream().map(PointVerdict::bytes).collect(Collectors.toCollection(TreeSet::new))) {
            double px = x.pixel(bytes);
            svg.append(Svg.line(px, TOP, px, TOP + PLOT_HEIGHT, "#eee", ""));
            svg.append(Svg.text(px, TOP + PLOT_HEIGHT + 18, "middle", Units.size(bytes)));
        }
        for (double tick : y.ticks(8)) {
            double py = y.pixel(tick);
            svg.append(Svg.line(LEFT, py, LEFT + PLOT_WIDTH, py, tick == 0 ? "#888" : "#eee", tick == 0 ? " class=\"zero\"" : ""));
            svg.append(Svg.text(LEFT - 6, py + 4, "end", String.format(Locale.ROOT, "%+.0f %%", tick).replace("+0 %", "0 %")));
        }
        svg.append(Svg.text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 4, "middle", "tensor size (log scale)"));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\""
                + ">change against the baseline</text>%n", TOP + PLOT_HEIGHT / 2.0, TOP + PLOT_HEIGHT / 2.0));
    }

    private void series(StringBuilder svg, String communicator, String colour, LogAxis x, LinearAxis y) {
        List<PointVerdict> points = compared.stream().filter(p -> p.communicator().equals(communicator))
                .sorted(Comparator.comparingLong(PointVerdict::bytes)).toList();
        if (points.isEmpty()) {
            return;
        }
        String name = XmlText.escape(communicator);
        svg.append(Svg.polyline("limit", name, points.stream().map(p -> Svg.xy(x.pixel(p.bytes()), y.pixel(limitPercent(p))))
                .toList(), colour, " stroke-dasharray=\"6 4\" stroke-width=\"1.5\""));
        svg.append(Svg.polyline("delta", name, points.stream().map(p -> Svg.xy(x.pixel(p.bytes()), y.pixel(p.deltaPercent())))
                .toList(), colour, " stroke-width=\"2\""));
    }

    private static void marker(StringBuilder svg, PointVerdict point, String colour, LogAxis x, LinearAxis y) {
        boolean regressed = point.verdict() == Verdict.REGRESSED;
        boolean improved = point.verdict() == Verdict.IMPROVED;
        String kind = regressed ? "point regressed" : improved ? "point improved" : "point";
        String fill = regressed ? LatencyChart.REGRESSED_COLOUR : improved ? IMPROVED_COLOUR : colour;
        svg.append(Svg.circle(kind, x.pixel(point.bytes()), y.pixel(point.deltaPercent()), regressed || improved ? 6 : 3, fill,
                regressed || improved ? "#000" : colour, point.sentence()));
    }

    private void legend(StringBuilder svg) {
        double left = LEFT + PLOT_WIDTH + 20;
        double top = TOP + 10;
        for (int i = 0; i < communicators.size(); i++) {
            String name = communicators.get(i);
            if (compared.stream().noneMatch(p -> p.communicator().equals(name))) {
                continue;
            }
            svg.append(Svg.line(left, top, left + 28, top, LatencyChart.colour(i), "")).append(Svg.text(left + 36, top + 4, "start", name));
            top += 20;
            svg.append(Svg.line(left, top, left + 28, top, LatencyChart.colour(i), " stroke-dasharray=\"6 4\""))
                    .append(Svg.text(left + 36, top + 4, "start", name + " limit"));
            top += 20;
        }
        LatencyChart.verdictLegend(svg, left, top);
    }
}

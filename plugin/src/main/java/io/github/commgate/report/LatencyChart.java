package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import io.github.commgate.result.Units;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTML report's chart as inline SVG: median latency against tensor size, both on log axes,
 * one solid line per communicator for this run, the same colour dashed for its baseline, and
 * regressed points ringed in red. Every point carries its sentence as a tooltip. A median no
 * all-reduce can have (a corrupt or hand-edited baseline's) is left out of the chart, which says
 * so; the tables still show it.
 */
final class LatencyChart {

    /** Tableau 10 without its red, which marks regressions. */
    static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
            "#edc948", "#9c755f", "#bab0ac", "#ff9da7");
    static final String REGRESSED_COLOUR = "#d62728";

    private static final int WIDTH = 860;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int TOP = 20;
    private static final int PLOT_WIDTH = 600;
    private static final int PLOT_HEIGHT = 370;
    /** One nanosecond: no all-reduce between processes is faster. */
    static final double SHORTEST_DRAWN_MICROS = 1e-3;
    /** A thousand seconds: far beyond any run's timeout for one all-reduce. */
    static final double LONGEST_DRAWN_MICROS = 1e9;

    /** One point on a line: a size and a median, with the verdict when it is this run's. */
    private record Mark(long bytes, double micros, PointVerdict verdict) {
    }

    private final List<String> communicators;
    private final List<PointVerdict> points;
    private final Optional<Baseline> baseline;

    /** @param baseline the baseline's own entries to draw; without one, the medians the verdicts compared with */
    LatencyChart(List<String> communicators, List<PointVerdict> points, Optional<Baseline> baseline) {
        this.communicators = communicators;
        this.points = points;
        this.baseline = baseline;
    }

    String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"median latency against tensor size\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        List<Mark> all = communicators.stream().flatMap(c -> Stream.concat(current(c).stream(), recorded(c).stream())).toList();
        if (all.isEmpty()) {
            svg.append(text(LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT / 2.0, "middle", "nothing was measured"));
            return leftOutNote(svg).append("</svg>").toString();
        }
        LogAxis x = LogAxis.over(min(all, Mark::bytes), max(all, Mark::bytes), 0.05, LEFT, LEFT + PLOT_WIDTH);
        LogAxis y = LogAxis.snappedToTicks(min(all, Mark::micros), max(all, Mark::micros), 0.03, TOP + PLOT_HEIGHT, TOP);
        axes(svg, x, y, all);
        for (int i = 0; i < communicators.size(); i++) {
            lines(svg, communicators.get(i), colour(i), x, y);
        }
        // Markers after every line, and regressions last, so nothing is drawn across a red marker.
        for (boolean regressed : new boolean[] {false, true}) {
            for (int i = 0; i < communicators.size(); i++) {
                markers(svg, communicators.get(i), colour(i), x, y, regressed);
            }
        }
        legend(svg);
        return leftOutNote(svg).append("</svg>").toString();
    }

    private List<Mark> current(String communicator) {
        return points.stream().filter(p -> p.communicator().equals(communicator))
                .map(p -> new Mark(p.bytes(), p.currentMedianMicros(), p)).filter(LatencyChart::drawable)
                .sorted(Comparator.comparingLong(Mark::bytes)).toList();
    }

    /** The baseline file's entries where there is one, else the medians the verdicts compared with. */
    private List<Mark> recorded(String communicator) {
        return recordedMarks(communicator).filter(LatencyChart::drawable).sorted(Comparator.comparingLong(Mark::bytes)).toList();
    }

    private Stream<Mark> recordedMarks(String communicator) {
        return baseline.isPresent()
                ? baseline.get().points().stream().filter(p -> p.communicator().equals(communicator))
                        .map(p -> new Mark(p.bytes(), p.medianMicros(), null))
                : points.stream().filter(p -> p.communicator().equals(communicator))
                        .map(p -> new Mark(p.bytes(), p.baselineMedianMicros(), null));
    }

    /** Says how many medians exist but are not drawn: a number, but no latency an all-reduce can have. */
    private StringBuilder leftOutNote(StringBuilder svg) {
        long leftOut = communicators.stream().flatMap(c -> Stream.concat(recordedMarks(c),
                        points.stream().filter(p -> p.communicator().equals(c)).map(p -> new Mark(p.bytes(), p.currentMedianMicros(), p))))
                .filter(m -> !Double.isNaN(m.micros()) && !drawable(m)).count();
        if (leftOut > 0) {
            svg.append(text(LEFT + PLOT_WIDTH / 2.0, TOP + 14, "middle", leftOut + (leftOut == 1 ? " median" : " medians")
                    + " outside 1 ns to 1000 s not drawn (see the table)"));
        }
        return svg;
    }

    private void axes(StringBuilder svg, LogAxis x, LogAxis y, List<Mark> all) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#888\"/>%n", LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT));
        for (long bytes : all.stream().map(Mark::bytes).collect(Collectors.toCollection(TreeSet::new))) {
            double px = x.pixel(bytes);
            svg.append(line(px, TOP, px, TOP + PLOT_HEIGHT, "#eee", ""));
            svg.append(text(px, TOP + PLOT_HEIGHT + 18, "middle", Units.roundSize(bytes)));
        }
        for (double tick : y.decadeTicks(12)) {
            double py = y.pixel(tick);
            svg.append(line(LEFT, py, LEFT + PLOT_WIDTH, py, "#eee", ""));
            svg.append(text(LEFT - 6, py + 4, "end", Units.significant(tick)));
        }
        svg.append(text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 8, "middle", "tensor size (log scale)"));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\""
                + ">median latency, us (log scale)</text>%n", TOP + PLOT_HEIGHT / 2.0, TOP + PLOT_HEIGHT / 2.0));
    }

    private static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    private void lines(StringBuilder svg, String communicator, String colour, LogAxis x, LogAxis y) {
        String name = XmlText.escape(communicator);
        List<Mark> recorded = recorded(communicator);
        if (!recorded.isEmpty()) {
            svg.append(polyline(recorded, x, y, colour, "baseline", name, " stroke-dasharray=\"6 4\""));
        }
        List<Mark> current = current(communicator);
        if (!current.isEmpty()) {
            svg.append(polyline(current, x, y, colour, "current", name, ""));
        }
    }

    private void markers(StringBuilder svg, String communicator, String colour, LogAxis x, LogAxis y, boolean regressed) {
        for (Mark mark : current(communicator)) {
            if (regressed != (mark.verdict().verdict() == Verdict.REGRESSED)) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\""
                    + " stroke=\"%s\" stroke-width=\"2\"><title>%s</title></circle>%n",
                    regressed ? "point regressed" : "point", x.pixel(mark.bytes()), y.pixel(mark.micros()),
                    regressed ? 6 : 3, regressed ? REGRESSED_COLOUR : colour, regressed ? "#000" : colour,
                    XmlText.escape(mark.verdict().sentence())));
        }
    }

    private static String polyline(List<Mark> marks, LogAxis x, LogAxis y, String colour, String kind, String name,
                                   String dash) {
        String points = marks.stream().map(m -> String.format(Locale.ROOT, "%.1f,%.1f", x.pixel(m.bytes()), y.pixel(m.micros())))
                .collect(Collectors.joining(" "));
        return String.format("<polyline class=\"%s\" data-communicator=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/>%n", kind, name, points, colour, dash);
    }

    private void legend(StringBuilder svg) {
        double left = LEFT + PLOT_WIDTH + 20;
        double top = TOP + 10;
        for (int i = 0; i < communicators.size(); i++) {
            String colour = colour(i);
            String name = communicators.get(i);
            svg.append(line(left, top, left + 28, top, colour, "")).append(text(left + 36, top + 4, "start", name));
            top += 20;
            if (!recorded(name).isEmpty()) {
                svg.append(line(left, top, left + 28, top, colour, " stroke-dasharray=\"6 4\""))
                        .append(text(left + 36, top + 4, "start", name + " baseline"));
                top += 20;
            }
        }
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#000\""
                + " stroke-width=\"2\"/>%n", left + 14, top, REGRESSED_COLOUR)).append(text(left + 36, top + 4, "start", "regressed"));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/>%n", x1, y1, x2, y2, colour, extra);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                x, y, anchor, XmlText.escape(content));
    }

    /** A mark the axes can place: a size, and a latency some all-reduce could have taken. */
    private static boolean drawable(Mark mark) {
        return mark.bytes() > 0 && mark.micros() >= SHORTEST_DRAWN_MICROS && mark.micros() <= LONGEST_DRAWN_MICROS;
    }

    private static double min(List<Mark> marks, ToDoubleFunction<Mark> value) {
        return marks.stream().mapToDouble(value).min().orElseThrow();
    }

    private static double max(List<Mark> marks, ToDoubleFunction<Mark> value) {
        return marks.stream().mapToDouble(value).max().orElseThrow();
    }
}

package io.github.commgate.report;

import java.util.List;
import java.util.Locale;

/** The SVG elements the charts are drawn with, coordinates to a tenth of a pixel and every text escaped. */
final class Svg {

    private Svg() {
    }

    static String xy(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/>%n", x1, y1, x2, y2, colour, extra);
    }

    static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                x, y, anchor, XmlText.escape(content));
    }

    /** @param name the escaped value of its data-communicator attribute; {@code extra} holds further attributes */
    static String polyline(String kind, String name, List<String> points, String colour, String extra) {
        return String.format("<polyline class=\"%s\" data-communicator=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\"%s/>%n",
                kind, name, String.join(" ", points), colour, extra);
    }

    /** A marker with {@code tooltip} as its title, which browsers show on hover. */
    static String circle(String kind, double cx, double cy, int r, String fill, String stroke, String tooltip) {
        return String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"2\"><title>%s</title></circle>%n", kind, cx, cy, r, fill, stroke, XmlText.escape(tooltip));
    }
}

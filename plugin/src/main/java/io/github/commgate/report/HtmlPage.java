package io.github.commgate.report;

/** The frame and the style every commgate page shares: report.html and the trend page of the report goal. */
final class HtmlPage {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 80em; }
            .status { display: inline-block; padding: 0.2em 0.6em; border-radius: 0.3em; color: #fff; font-weight: bold; }
            .status.PASS { background: #2e7d32; } .status.FAIL { background: #c62828; }
            .status.NOT_COMPARABLE { background: #6d6d6d; } .status.ERROR { background: #ef6c00; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.REGRESSED, tr.INCORRECT { background: #fdecea; } tr.ERROR { background: #fff3e0; }
            tr.IMPROVED { background: #e8f5e9; } tr.SKIPPED, tr.NOT_COMPARABLE { color: #777; }
            svg text { font-size: 12px; font-family: sans-serif; fill: #222; }
            .trend-grid { display: flex; flex-wrap: wrap; gap: 0.5em 1em; }
            .trend-grid figure { margin: 0; }
            .trend-grid figcaption { font-size: 0.9em; text-align: center; }
            .trend-chart text { font-size: 10px; }
            """;

    private HtmlPage() {
    }

    static void open(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(XmlText.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    static String close(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }
}

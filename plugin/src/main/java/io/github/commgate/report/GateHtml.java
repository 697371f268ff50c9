package io.github.commgate.report;

import java.util.List;
import java.util.Locale;

/**
 * report.html: one self-contained XHTML page (no scripts, fonts or style sheets fetched from
 * anywhere) that a CI artifact viewer or a browser offline shows as is. Written as XHTML so that
 * a test can parse it with an XML parser; every string from data goes through {@link XmlText}.
 */
final class GateHtml implements ReportFormat {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 70em; }
            .status { display: inline-block; padding: 0.2em 0.6em; border-radius: 0.3em; color: #fff; font-weight: bold; }
            .status.PASS { background: #2e7d32; } .status.FAIL { background: #c62828; }
            .status.NOT_COMPARABLE { background: #6d6d6d; } .status.ERROR { background: #ef6c00; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            tr.REGRESSED, tr.INCORRECT { background: #fdecea; } tr.ERROR { background: #fff3e0; }
            tr.IMPROVED { background: #e8f5e9; } tr.SKIPPED, tr.NOT_COMPARABLE { color: #777; }
            svg text { font-size: 12px; font-family: sans-serif; fill: #222; }
            """;

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public String render(RunReport report) {
        Judgement judgement = report.judgementFor(this);
        String status = judgement.statusWord();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>commgate: ").append(status).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>commgate <span class=\"status ").append(judgement.decision().name()).append("\">")
                .append(status).append("</span></h1>\n");
        html.append("<p class=\"headline\">").append(XmlText.escape(judgement.headline())).append("</p>\n");
        html.append("<ul class=\"environment\">\n");
        item(html, "Machine", report.machine());
        item(html, "Run", report.runLine() + "; started " + report.run().startedAt());
        item(html, "Baseline", judgement.baselineSentence());
        judgement.baselineRecorded().ifPresent(line -> item(html, "Baseline recorded", line));
        html.append("</ul>\n");
        html.append(new LatencyChart(report.run().plan().communicators(), judgement.points(), judgement.baseline()).svg())
                .append('\n');
        table(html, judgement);
        section(html, "Violations", judgement.violations());
        section(html, "Errors", judgement.errors());
        section(html, "Skipped", judgement.skips());
        section(html, "Warnings", judgement.warnings());
        if (judgement.suggestsUpdate()) {
            html.append("<p class=\"hint\">Some points improved or have no baseline entry: run <code>mvn"
                    + " commgate:update-baseline</code> to record them.</p>\n");
        }
        html.append("<p class=\"tool\">").append(XmlText.escape("commgate " + report.toolVersion())).append("</p>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    private static void item(StringBuilder html, String name, String value) {
        html.append("<li><strong>").append(name).append(":</strong> ").append(XmlText.escape(value)).append("</li>\n");
    }

    private static void table(StringBuilder html, Judgement judgement) {
        if (judgement.rows().isEmpty()) {
            return; // a run that failed before its first point: a table of headings says nothing
        }
        html.append("<table class=\"verdicts\">\n<tr>");
        VerdictRows.HEADER.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr>\n");
        for (VerdictRow row : judgement.rows()) {
            html.append("<tr class=\"").append(row.point().verdict().name()).append("\">");
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                html.append(VerdictRows.NUMERIC.get(i) ? "<td class=\"number\">" : "<td>").append(XmlText.escape(cells.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (judgement.anyNotSignificant()) {
            html.append("<p class=\"note\">").append(XmlText.escape(VerdictRows.NOT_SIGNIFICANT_NOTE)).append("</p>\n");
        }
    }

    private static void section(StringBuilder html, String title, List<String> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        html.append("<h2>").append(title).append("</h2>\n<ul class=\"").append(title.toLowerCase(Locale.ROOT)).append("\">\n");
        // A run's error ends with lines of a worker's log: keep them lines.
        sentences.forEach(s -> html.append("<li>").append(XmlText.escape(s).replace("\n", "<br/>\n")).append("</li>\n"));
        html.append("</ul>\n");
    }
}

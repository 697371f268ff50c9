package io.github.commgate.report;

import io.github.commgate.history.Trend;
import java.util.List;
import java.util.Locale;

/**
 * report.html: one self-contained XHTML page (no scripts, fonts or style sheets fetched from
 * anywhere) that a CI artifact viewer or a browser offline shows as is. Written as XHTML so that
 * a test can parse it with an XML parser; every string from data goes through {@link XmlText}.
 */
final class GateHtml implements ReportFormat {

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public String render(RunReport report) {
        Judgement judgement = report.judgementFor(this);
        String status = judgement.statusWord();
        String project = report.origin().project();
        StringBuilder html = new StringBuilder();
        HtmlPage.open(html, "commgate: " + status + (project.isEmpty() ? "" : " (" + project + ")"));
        html.append("<h1>commgate").append(project.isEmpty() ? "" : ": " + XmlText.escape(project))
                .append(" <span class=\"status ").append(judgement.decision().name()).append("\">").append(status)
                .append("</span></h1>\n");
        html.append("<p class=\"headline\">").append(XmlText.escape(judgement.headline())).append("</p>\n");
        html.append("<ul class=\"environment\">\n");
        item(html, "Started", report.startedLine());
        item(html, "Machine", report.machine());
        item(html, "Run", report.runLine());
        PeakBandwidth.of(report.run()).ifPresent(peak -> item(html, "Peak", peak.sentence()));
        item(html, "Baseline", judgement.baselineSentence());
        judgement.baselineRecorded().ifPresent(line -> item(html, "Baseline recorded", line));
        html.append("</ul>\n");
        section(html, "Violations", judgement.violations());
        section(html, "Errors", judgement.errors());
        section(html, "Creeping up", report.trend().map(Trend::creeping).orElse(List.of()));
        List<String> communicators = report.run().plan().communicators();
        html.append("<h2>Change against the baseline</h2>\n")
                .append(new DeltaChart(communicators, judgement.points()).svg()).append('\n');
        html.append("<h2>Latency</h2>\n")
                .append(new LatencyChart(communicators, judgement.points(), judgement.baseline()).svg()).append('\n');
        table(html, judgement, PeakBandwidth.of(report.run()).isPresent());
        section(html, "Skipped", judgement.skips());
        section(html, "Warnings", judgement.warnings());
        if (judgement.suggestsUpdate()) {
            html.append("<p class=\"hint\">Some points improved or have no baseline entry: run <code>mvn"
                    + " commgate:update-baseline</code> to record them.</p>\n");
        }
        report.trend().filter(t -> !t.runs().isEmpty()).ifPresent(trend -> {
            html.append(TrendCharts.section(trend));
            section(html, "Level steps", trend.steps());
        });
        html.append("<p class=\"tool\">").append(XmlText.escape("commgate " + report.toolVersion())).append("</p>\n");
        return HtmlPage.close(html);
    }

    private static void item(StringBuilder html, String name, String value) {
        html.append("<li><strong>").append(name).append(":</strong> ").append(XmlText.escape(value)).append("</li>\n");
    }

    private static void table(StringBuilder html, Judgement judgement, boolean peakKnown) {
        if (judgement.rows().isEmpty()) {
            return; // a run that failed before its first point: a table of headings says nothing
        }
        List<VerdictColumn> columns = VerdictColumn.all(peakKnown);
        html.append("<table class=\"verdicts\">\n<tr>");
        columns.forEach(c -> html.append("<th>").append(XmlText.escape(c.heading)).append("</th>"));
        html.append("</tr>\n");
        for (VerdictRow row : judgement.rows()) {
            html.append("<tr class=\"").append(row.point().verdict().name()).append("\">");
            for (VerdictColumn column : columns) {
                html.append(column.numeric ? "<td class=\"number\">" : "<td>").append(XmlText.escape(row.cell(column))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (judgement.anyNotSignificant()) {
            html.append("<p class=\"note\">").append(XmlText.escape(VerdictRows.NOT_SIGNIFICANT_NOTE)).append("</p>\n");
        }
    }

    static void section(StringBuilder html, String title, List<String> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        html.append("<h2>").append(title).append("</h2>\n<ul class=\"").append(title.toLowerCase(Locale.ROOT).replace(' ', '-'))
                .append("\">\n");
        // A run's error ends with lines of a worker's log: keep them lines.
        sentences.forEach(s -> html.append("<li>").append(XmlText.escape(s).replace("\n", "<br/>\n")).append("</li>\n"));
        html.append("</ul>\n");
    }
}

package io.github.commgate.report;

import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.Timestamps;
import io.github.commgate.history.Trend;
import java.util.List;

/**
 * trend.html, the report goal's page: for each environment, the trend of its runs as the check
 * goal's report.html draws it, with what the rules found (points creeping up, level steps),
 * built from whatever runs were given (a history, or the results.json files of earlier builds).
 */
public final class TrendPage {

    public static final String FILE_NAME = "trend.html";

    private TrendPage() {
    }

    /** @param trends one per environment, each with at least one run */
    public static String render(List<Trend> trends, String toolVersion) {
        StringBuilder html = new StringBuilder();
        HtmlPage.open(html, "commgate trend");
        html.append("<h1>commgate trend</h1>\n");
        if (trends.isEmpty()) {
            html.append("<p class=\"headline\">No runs were given.</p>\n");
        }
        for (Trend trend : trends) {
            List<HistoryRecord> runs = trend.runs();
            long failed = runs.stream().filter(HistoryRecord::failed).count();
            html.append("<h2>").append(XmlText.escape(trend.environmentDescription().isEmpty() ? trend.environment()
                    : trend.environmentDescription())).append("</h2>\n");
            html.append("<p class=\"headline\">").append(XmlText.escape(String.format("%d runs from %s to %s, %d of them failed;"
                    + " %d creeping up, %d level steps", runs.size(), Timestamps.readable(runs.get(0).startedAt()),
                    Timestamps.readable(runs.get(runs.size() - 1).startedAt()), failed, trend.creeping().size(),
                    trend.steps().size()))).append("</p>\n");
            GateHtml.section(html, "Creeping up", trend.creeping());
            GateHtml.section(html, "Level steps", trend.steps());
            html.append(TrendCharts.section(trend, ""));
        }
        html.append("<p class=\"tool\">").append(XmlText.escape("commgate " + toolVersion)).append("</p>\n");
        return HtmlPage.close(html);
    }
}

package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.GoldenFiles;
import io.github.commgate.history.HistoryPoint;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.HistoryRuns;
import io.github.commgate.history.RunOrigin;
import io.github.commgate.history.Trend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrendChartsTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    /**
     * Nine daily runs of two points. shm-oneshot steps up from 100 us to about 119 us at the fifth
     * run, which fails; then its baseline is updated to the new level and it passes again.
     * shm-twoshot creeps up 2 us a run, each run within its limit.
     */
    static Trend trend() {
        double[] oneshot = {100, 101, 99, 100, 125, 118, 119, 118, 119};
        List<HistoryRecord> runs = new ArrayList<>();
        for (int i = 0; i < oneshot.length; i++) {
            boolean updated = i > 4;
            boolean failed = i == 4;
            List<HistoryPoint> points = List.of(
                    new HistoryPoint("shm-oneshot", 128, 2_097_152, failed ? "REGRESSED" : "PASS", oneshot[i], 1.0,
                            updated ? 118 : 100, updated ? 129.8 : 110),
                    new HistoryPoint("shm-twoshot", 128, 2_097_152, "PASS", 200 + 2 * i, 3.0, 200, 220));
            runs.add(new HistoryRecord(HistoryRuns.FIRST.plus(Duration.ofDays(i)), "commgate 0.0.0-test",
                    new RunOrigin("example", String.format("%040d", i), "main"), HistoryRuns.ENVIRONMENT, "cpu backend on 2 CPUs",
                    failed ? "FAIL" : "PASS", points));
        }
        return Trend.of(runs, 30);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Element parent, String namespace, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static List<Element> charts() throws Exception {
        Document document = parse("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + TrendCharts.section(trend()) + "</div>");
        return elements(document.getDocumentElement(), SVG, "svg");
    }

    @Test
    void theSectionMatchesTheGoldenFile() throws Exception {
        GoldenFiles.assertMatches("trend-section.html", TrendCharts.section(trend()));
    }

    @Test
    void eachSeriesHasAChartWithOneMarkerPerRunAndTheBaselineAndLimitDrawn() throws Exception {
        List<Element> charts = charts();
        assertEquals(List.of("shm-oneshot 2 MiB over the last runs", "shm-twoshot 2 MiB over the last runs"),
                charts.stream().map(c -> c.getAttribute("aria-label")).toList());
        for (Element chart : charts) {
            assertEquals(9, elements(chart, SVG, "circle").size());
            assertEquals(List.of("limit", "baseline", "median"), elements(chart, SVG, "polyline").stream()
                    .map(l -> l.getAttribute("class")).toList());
            assertEquals(9, elements(chart, SVG, "polyline").get(2).getAttribute("points").split(" ").length);
        }
    }

    @Test
    void theFailedRunIsRingedInEveryChartAndTheRegressedPointFilledRed() throws Exception {
        for (Element chart : charts()) {
            List<Element> failed = elements(chart, SVG, "circle").stream().filter(c -> c.getAttribute("class").contains("failed-run"))
                    .toList();
            assertEquals(1, failed.size());
            assertTrue(failed.get(0).getTextContent().startsWith("2026-11-28 06:00 UTC, commit 0000000 on main: median"),
                    failed.get(0).getTextContent());
        }
        Element regressed = elements(charts().get(0), SVG, "circle").stream().filter(c -> c.getAttribute("class").contains("regressed"))
                .findFirst().orElseThrow();
        assertEquals(LatencyChart.REGRESSED_COLOUR, regressed.getAttribute("fill"));
    }

    @Test
    void theStepIsAVerticalLineAtItsRunAndTheCreepIsInTheCaption() throws Exception {
        List<Element> steps = elements(charts().get(0), SVG, "line").stream().filter(l -> l.getAttribute("class").equals("step")).toList();
        assertEquals(1, steps.size());
        Element fifthRun = elements(charts().get(0), SVG, "circle").get(4);
        assertEquals(fifthRun.getAttribute("cx"), steps.get(0).getAttribute("x1"));
        Document document = parse("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + TrendCharts.section(trend()) + "</div>");
        List<String> captions = elements(document.getDocumentElement(), "http://www.w3.org/1999/xhtml", "figcaption").stream()
                .map(Element::getTextContent).toList();
        assertEquals(List.of("shm-oneshot 2 MiB", "shm-twoshot 2 MiB: creeping up +8.0 %"), captions);
    }
}

package io.github.commgate.report;

import static io.github.commgate.report.TrendChartsTest.elements;
import static io.github.commgate.report.TrendChartsTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.GoldenFiles;
import io.github.commgate.result.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DeltaChartTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    private static String svg() {
        RunResult run = GateRuns.current();
        return new DeltaChart(run.plan().communicators(), GateRuns.outcome(run).points()).svg();
    }

    private static double y(Element element) {
        return Double.parseDouble(element.getAttribute("cy"));
    }

    @Test
    void theChartMatchesTheGoldenFile() throws Exception {
        GoldenFiles.assertMatches("delta-chart.svg", svg() + "\n");
    }

    @Test
    void eachCommunicatorHasItsChangeAndItsLimitAsLinesOfOneColour() throws Exception {
        List<Element> lines = elements(parse(svg()).getDocumentElement(), SVG, "polyline");
        assertEquals(List.of("limit shm-oneshot", "delta shm-oneshot", "limit shm-twoshot", "delta shm-twoshot"), lines.stream()
                .map(l -> l.getAttribute("class") + " " + l.getAttribute("data-communicator")).toList());
        assertEquals(lines.get(0).getAttribute("stroke"), lines.get(1).getAttribute("stroke"));
        assertTrue(!lines.get(0).getAttribute("stroke-dasharray").isEmpty(), "the limit is dashed");
        assertEquals(3, lines.get(1).getAttribute("points").split(" ").length, "shm-oneshot compared at 3 sizes");
    }

    @Test
    void theRegressedPointLiesAboveItsLimitAndTheImprovedOneBelowZeroEachMarkedInItsColour() throws Exception {
        Element svg = parse(svg()).getDocumentElement();
        List<Element> circles = elements(svg, SVG, "circle");
        Element regressed = circles.stream().filter(c -> c.getAttribute("class").equals("point regressed")).findFirst().orElseThrow();
        Element improved = circles.stream().filter(c -> c.getAttribute("class").equals("point improved")).findFirst().orElseThrow();
        assertEquals(LatencyChart.REGRESSED_COLOUR, regressed.getAttribute("fill"));
        assertEquals(DeltaChart.IMPROVED_COLOUR, improved.getAttribute("fill"));
        assertTrue(improved.getTextContent().startsWith("shm-twoshot 256 KiB: median 60.0 us, 25.0 % faster"));
        String[] limit = elements(svg, SVG, "polyline").get(0).getAttribute("points").split(" ");
        double limitAtTwoMiB = Double.parseDouble(limit[1].split(",")[1]);
        assertTrue(y(regressed) < limitAtTwoMiB, "higher on the page, as pixels grow downwards");
        Element zero = elements(svg, SVG, "line").stream().filter(l -> l.getAttribute("class").equals("zero")).findFirst().orElseThrow();
        assertTrue(y(improved) > Double.parseDouble(zero.getAttribute("y1")));
    }

    @Test
    void aRunWithNothingComparedSaysSo() throws Exception {
        String svg = new DeltaChart(List.of("shm-oneshot"), List.of()).svg();
        assertEquals("no point was compared with a baseline", parse(svg).getDocumentElement().getTextContent().strip());
    }
}

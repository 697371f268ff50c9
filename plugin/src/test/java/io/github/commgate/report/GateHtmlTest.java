package io.github.commgate.report;

import static io.github.commgate.report.GateRuns.around;
import static io.github.commgate.report.GateRuns.environment;
import static io.github.commgate.report.GateRuns.measured;
import static io.github.commgate.report.GateRuns.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineFile;
import io.github.commgate.baseline.BaselinePoint;
import io.github.commgate.gate.Gate;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.Runs;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.result.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateHtmlTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    private static String html(RunResult run) {
        return ReportFormats.HTML.render(GateRuns.report(run));
    }

    private static List<Element> svgElements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true); // the chart's elements are in the SVG namespace
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theChartHasOneSolidLinePerCommunicatorAndOneDashedLinePerBaselineCommunicator() throws Exception {
        List<Element> lines = svgElements(parse(html(GateRuns.current())), "polyline");
        assertEquals(List.of("shm-oneshot", "shm-twoshot"), lines.stream().filter(l -> l.getAttribute("class").equals("current"))
                .map(l -> l.getAttribute("data-communicator")).toList());
        List<Element> dashed = lines.stream().filter(l -> l.getAttribute("class").equals("baseline")).toList();
        assertEquals(List.of("shm-oneshot", "shm-twoshot"), dashed.stream().map(l -> l.getAttribute("data-communicator")).toList());
        assertTrue(dashed.stream().allMatch(l -> !l.getAttribute("stroke-dasharray").isEmpty()));
        assertEquals(lines.get(0).getAttribute("stroke"), lines.get(1).getAttribute("stroke"), "a baseline shares its line's colour");
    }

    @Test
    void onlyTheRegressedPointIsMarkedRedWithItsSentenceAsTooltip() throws Exception {
        List<Element> regressed = svgElements(parse(html(GateRuns.current())), "circle").stream()
                .filter(c -> c.getAttribute("class").contains("regressed")).toList();
        assertEquals(1, regressed.size());
        assertEquals(LatencyChart.REGRESSED_COLOUR, regressed.get(0).getAttribute("fill"));
        assertEquals("shm-oneshot 2.00 MiB: median 812.4 us, but expected at most 745.0 us (baseline 677.3 us + 10 %)",
                regressed.get(0).getTextContent());
    }

    @Test
    void thePageIsSelfContained() {
        String html = html(GateRuns.current());
        for (String external : List.of("<script", "<link", "src=", "href=", "url(", "@import")) {
            assertFalse(html.contains(external), external);
        }
    }

    @Test
    void stringsFromDataAreEscaped() throws Exception {
        String reason = "<script>alert('x')</script> & \"more\"";
        String html = html(GateRuns.run(environment("Test <CPU>"), List.of(
                measured("shm-oneshot", 16, around(40, 0.1)), skipped("shm-twoshot", 16, reason))));
        assertFalse(html.contains("<script>") || html.contains("<CPU>"));
        assertTrue(parse(html).getDocumentElement().getTextContent().contains("skipped: " + reason));
    }

    @Test
    void aBaselineMedianOf1e308IsLeftOutOfTheChartWhichSaysSoAndEveryCoordinateIsANumber(@TempDir Path directory)
            throws Exception {
        // The baseline reader refuses such a file; a report must not crash on it all the same.
        Path file = directory.resolve("cpu.json");
        Files.writeString(file, BenchmarkTableTest.golden("baseline.json"));
        Baseline read = BaselineFile.read(file);
        Baseline baseline = new Baseline(read.key(), read.environment(), read.host(), read.provenance(), read.parameters(),
                read.reason(), read.points().stream().map(p -> p.sequenceLength() == 16 ? new BaselinePoint(p.communicator(),
                        p.sequenceLength(), p.bytes(), 1e308, p.samplesMicros(), p.runMediansMicros(), p.reason()) : p).toList());
        RunResult run = Runs.run(List.of(measured("shm-oneshot", 16, around(40, 0.1)), measured("shm-oneshot", 128, around(700, 1))));
        GateOutcome outcome = new Gate(Thresholds.defaults(), false, false).evaluate(run, baseline, file.toString());
        Document document = parse(ReportFormats.HTML.render(RunReport.judged(run, outcome, Optional.of(baseline), "0.0.0-test")));
        assertTrue(svgElements(document, "text").stream().anyMatch(t -> t.getTextContent()
                .equals("1 median outside 1 ns to 1000 s not drawn (see the table)")));
        for (Element line : svgElements(document, "polyline")) {
            assertTrue(line.getAttribute("points").matches("[0-9., -]+"), line.getAttribute("points"));
        }
        assertTrue(svgElements(document, "text").size() < 60, "a bounded number of tick labels");
    }

    @Test
    void aRunThatMeasuredNothingStillGivesAPageThatSaysSo() throws Exception {
        String html = html(GateRuns.run(environment("Test CPU"), List.of(skipped("shm-oneshot", 16, "no GPU"))));
        Document document = parse(html);
        assertTrue(svgElements(document, "polyline").stream().noneMatch(l -> l.getAttribute("class").equals("current")));
        assertTrue(document.getDocumentElement().getTextContent().contains("nothing was measured"));
    }
}

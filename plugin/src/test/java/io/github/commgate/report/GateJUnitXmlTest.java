package io.github.commgate.report;

import static io.github.commgate.gate.Runs.bytes;
import static io.github.commgate.report.GateRuns.around;
import static io.github.commgate.report.GateRuns.environment;
import static io.github.commgate.report.GateRuns.measured;
import static io.github.commgate.report.GateRuns.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateJUnitXmlTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Document junitXml(RunResult run) throws Exception {
        return parse(ReportFormats.JUNIT_XML.render(GateRuns.report(run)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String suiteCounts(Document document) {
        Element suite = document.getDocumentElement();
        return String.join(" ", suite.getAttribute("tests"), suite.getAttribute("failures"),
                suite.getAttribute("errors"), suite.getAttribute("skipped"));
    }

    @Test
    void theSuiteCountsMatchItsTestCasesAndEachVerdictMapsToItsElement() throws Exception {
        Document document = junitXml(GateRuns.current());
        assertEquals("8 2 0 1", suiteCounts(document));
        assertEquals(8, elements(document, "testcase").size());
        assertEquals(List.of("REGRESSED", "INCORRECT"), elements(document, "failure").stream().map(e -> e.getAttribute("type")).toList());
        assertEquals(1, elements(document, "skipped").size());
        Element regressed = (Element) elements(document, "failure").get(0).getParentNode();
        assertEquals("commgate.shm-oneshot", regressed.getAttribute("classname"));
        assertEquals("2.00 MiB (seq 128)", regressed.getAttribute("name"));
        assertEquals("0.000812", regressed.getAttribute("time"));
    }

    @Test
    void aSentenceWithMarkupQuotesAndTerminalEscapesIsEscapedAndStillParses() throws Exception {
        String reason = "needs \"NCCL >= 2.27\" & <symmetric> 'memory' \u001b[0m";
        RunResult run = GateRuns.run(environment(GateRuns.XEON), List.of(
                measured("shm-oneshot", 16, around(40, 0.1)), skipped("shm-twoshot", 16, reason)));
        String xml = ReportFormats.JUNIT_XML.render(GateRuns.report(run));
        assertTrue(xml.contains("&amp; &lt;symmetric&gt;"), xml);
        assertFalse(xml.contains("\u001b"), "XML 1.0 cannot carry U+001B even as a character reference");
        Document document = parse(xml);
        assertEquals("shm-twoshot 0.25 MiB: skipped: needs \"NCCL >= 2.27\" & <symmetric> 'memory' \uFFFD[0m",
                elements(document, "skipped").get(0).getAttribute("message"));
    }

    @Test
    void aPointThatCannotBeJudgedIsAnErrorNotAFailure() throws Exception {
        PointResult noSamples = new PointResult("shm-twoshot", 16, GateRuns.HIDDEN, bytes(16), 2, PointStatus.MEASURED, "",
                new double[][] {{}, {}}, List.of(), Double.NaN);
        Document document = junitXml(GateRuns.run(environment(GateRuns.XEON),
                List.of(measured("shm-oneshot", 16, around(40.5, 0.1)), noSamples)));
        assertEquals("2 0 1 0", suiteCounts(document));
        assertEquals("shm-twoshot 0.25 MiB: measured, but no samples came back",
                elements(document, "error").get(0).getAttribute("message"));
    }

    @Test
    void aRunThatMeasuredNothingFailsAsOneRunLevelTestCaseSoReportersDoNotShowItGreen() throws Exception {
        Document document = junitXml(GateRuns.run(environment("Test CPU"), List.of(
                skipped("shm-oneshot", 16, "no GPU"), skipped("shm-twoshot", 16, "no GPU"))));
        assertEquals("3 1 0 2", suiteCounts(document));
        Element failure = elements(document, "failure").get(0);
        assertEquals("nothing was measured: all 2 points were skipped", failure.getAttribute("message"));
        assertEquals("run", ((Element) failure.getParentNode()).getAttribute("name"));
    }

    @Test
    void pointsNotComparedWithABaselineFromAnotherMachineAreSkipped() throws Exception {
        Document document = junitXml(GateRuns.run(environment("AMD EPYC 9654"), List.of(
                measured("shm-oneshot", 16, around(40, 0.1)), measured("shm-twoshot", 16, around(60, 0.1)))));
        assertEquals("2 0 0 2", suiteCounts(document));
        assertEquals("NOT_COMPARABLE", elements(document, "property").stream()
                .filter(p -> p.getAttribute("name").equals("commgate.decision")).findFirst().orElseThrow().getAttribute("value"));
    }
}

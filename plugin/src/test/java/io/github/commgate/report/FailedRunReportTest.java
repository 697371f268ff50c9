package io.github.commgate.report;

import static io.github.commgate.report.BenchmarkTableTest.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commgate.GoldenFiles;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A run that failed for an infrastructure reason: every format says ERROR with the reason and shows what was measured. */
class FailedRunReportTest {

    static final String REASON = """
            rank 1 exited with code 1 before it connected to the coordinator
              last lines of /ci/target/commgate/logs/rank-1.log:
              | Unrecognized VM option 'CommgateNoSuchOption'
              | Error: Could not create the Java Virtual Machine.""";
    private static final String FIRST_LINE = "rank 1 exited with code 1 before it connected to the coordinator";

    /** The plan of {@link GateRuns#current()} (8 points), of which only {@code points} were measured. */
    private static RunReport failedAfter(List<PointResult> points) {
        RunResult plan = GateRuns.current();
        RunResult measured = new RunResult(plan.plan(), plan.environment(), plan.startedAt(), 0.5, 3.25, points);
        return RunReport.failed(measured, REASON, GateRuns.TOOL_VERSION);
    }

    /** Measured, skipped and wrong points, the last three measured only halfway through the sizes. */
    private static RunReport failedHalfway() {
        List<PointResult> all = GateRuns.current().points();
        return failedAfter(List.of(all.get(0), all.get(1), all.get(6), all.get(7)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    @Test
    void theMarkdownsFirstLineSaysErrorWithTheReason() {
        String markdown = ReportFormats.MARKDOWN.render(failedAfter(List.of()));
        assertEquals("## commgate: ERROR: " + FIRST_LINE, markdown.lines().findFirst().orElseThrow());
        assertTrue(markdown.contains("**ERROR**: the run failed after 0 of 8 points; nothing was judged\n"), markdown);
        assertTrue(markdown.contains("\\| Unrecognized VM option 'CommgateNoSuchOption' \\|"), "the log's lines, on one line: " + markdown);
    }

    @Test
    void junitXmlHasOneErrorForTheRunWithTheWholeReasonAndNoBaselineItNeverRead() throws Exception {
        Document document = GateJUnitXmlTest.parse(ReportFormats.JUNIT_XML.render(failedAfter(List.of())));
        Element suite = document.getDocumentElement();
        assertEquals("1 0 1 0", String.join(" ", suite.getAttribute("tests"), suite.getAttribute("failures"),
                suite.getAttribute("errors"), suite.getAttribute("skipped")));
        Element error = elements(document, "error").get(0);
        assertEquals(FIRST_LINE, error.getAttribute("message"));
        assertEquals("ERROR", error.getAttribute("type"));
        assertEquals(REASON, error.getTextContent());
        assertEquals("run", ((Element) error.getParentNode()).getAttribute("name"));
        List<String> properties = elements(document, "property").stream().map(p -> p.getAttribute("name")).toList();
        assertTrue(properties.contains("commgate.decision") && !properties.contains("commgate.baseline"), properties.toString());
    }

    @Test
    void resultsJsonSaysErrorWithTheReasonAndANullBaseline() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ReportFormats.RESULTS_JSON.render(failedAfter(List.of())));
        JsonNode gate = json.get("gate");
        assertEquals("ERROR", gate.get("decision").asText());
        assertEquals(REASON, gate.get("run_error").asText());
        assertTrue(gate.get("baseline").isNull());
        assertEquals(0, gate.get("points").size());
        assertEquals(0, json.get("points").size());
    }

    @Test
    void theHtmlPageSaysErrorKeepsTheLogsLinesAndDrawsNothing() throws Exception {
        Document document = GateJUnitXmlTest.parse(ReportFormats.HTML.render(failedAfter(List.of())));
        String text = document.getDocumentElement().getTextContent();
        assertTrue(elements(document, "span").stream().anyMatch(s -> s.getAttribute("class").equals("status ERROR")));
        assertTrue(text.contains("nothing was measured"), text);
        Element errors = elements(document, "ul").stream().filter(u -> u.getAttribute("class").equals("errors")).findFirst().orElseThrow();
        assertEquals(3, elements(document, "br").size(), "one break before each of the log's three lines");
        assertTrue(errors.getTextContent().contains("| Unrecognized VM option 'CommgateNoSuchOption'"));
    }

    @Test
    void aRunThatFailedHalfwayShowsWhatItMeasuredNotJudgedInTheMarkdown() throws IOException {
        GoldenFiles.assertMatches("failed-run-report.md", ReportFormats.MARKDOWN.render(failedHalfway()));
    }

    @Test
    void aRunThatFailedHalfwayMatchesTheGoldenJunitXml() throws IOException {
        GoldenFiles.assertMatches("failed-run-TEST-commgate.xml", ReportFormats.JUNIT_XML.render(failedHalfway()));
    }

    @Test
    void aRunThatFailedHalfwayMatchesTheGoldenResultsJson(@TempDir Path directory) throws IOException {
        ReportFiles.writeAll(directory, failedHalfway(), ReportFormats.CHECK);
        GoldenFiles.assertMatches("failed-run-results.json", Files.readString(directory.resolve("results.json")));
        assertTrue(Files.readString(directory.resolve("report.html")).contains("<title>commgate: ERROR</title>"));
    }

    @Test
    void aFormatThatShowsTheGatesJudgementRefusesARunThatWasNotJudged() {
        RunReport benchmark = RunReport.measured(GateRuns.current(), GateRuns.TOOL_VERSION);
        assertEquals("report.md shows the gate's judgement, and this run was not judged",
                assertThrows(IllegalArgumentException.class, () -> ReportFormats.MARKDOWN.render(benchmark)).getMessage());
    }
}

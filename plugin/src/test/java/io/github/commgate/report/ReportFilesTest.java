package io.github.commgate.report;

import static io.github.commgate.report.BenchmarkTableTest.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    private static final RunReport REPORT = GateRuns.report(GateRuns.current());

    private static List<Path> writeAll(Path directory) throws IOException {
        return ReportFiles.writeAll(directory, REPORT, ReportFormats.CHECK);
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFourFilesReadableByCiStepsAndLeavesNoTemporaryFileBehind(@TempDir Path temp) throws IOException {
        Path directory = temp.resolve("target/commgate");
        List<Path> written = writeAll(directory);
        assertEquals(List.of("results.json", "report.md", "TEST-commgate.xml", "report.html"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(4, listing(directory).size());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(0))));
    }

    @Test
    void theLogLineNamesTheFilesOfTheSameListThatIsWritten() {
        assertEquals("results.json, report.md, TEST-commgate.xml, report.html", ReportFormats.fileNames(ReportFormats.CHECK));
    }

    @Test
    void writingAgainReplacesTheFiles(@TempDir Path directory) throws IOException {
        writeAll(directory);
        Files.writeString(directory.resolve("report.md"), "stale");
        writeAll(directory);
        GoldenFiles.assertMatches("gate-report.md", Files.readString(directory.resolve("report.md")));
    }

    @Test
    void removingThePreviousRunsReportsTakesTheirFilesAndHalfWrittenOnesButNothingElse(@TempDir Path directory)
            throws IOException {
        writeAll(directory);
        Files.writeString(directory.resolve(".report.md12345.tmp"), "half a report");
        Files.createDirectories(directory.resolve("logs"));
        Files.writeString(directory.resolve("logs/rank-0.log"), "a worker's log");
        Files.writeString(directory.resolve("benchmark.json"), "{}");
        List<Path> removed = ReportFiles.removePrevious(directory, ReportFormats.CHECK);
        assertEquals(5, removed.size(), removed.toString());
        assertEquals(List.of("benchmark.json", "logs"), listing(directory));
    }

    @Test
    void removingFromADirectoryThatDoesNotExistRemovesNothing(@TempDir Path temp) throws IOException {
        assertEquals(List.of(), ReportFiles.removePrevious(temp.resolve("target/commgate"), ReportFormats.CHECK));
    }

    @Test
    void resultsJsonMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        writeAll(directory);
        GoldenFiles.assertMatches("gate-results.json", Files.readString(directory.resolve("results.json")));
    }

    @Test
    void resultsJsonIsTheBenchmarkJsonWithTheGateAdded() {
        RunReport report = RunReport.judged(REPORT.run(), GateRuns.outcome(REPORT.run()), Optional.empty(), "1.0");
        ObjectNode json = GateJson.toJson(report, report.judgement().orElseThrow());
        JsonNode gate = json.remove("gate");
        assertEquals(ResultsJson.toJson(REPORT.run(), "1.0"), json);
        assertEquals("FAIL", gate.get("decision").asText());
        assertTrue(gate.get("baseline").get("environment_matched").asBoolean());
        assertTrue(gate.get("points").get(5).get("baseline_median_us").isNull(), "no NaN: strict parsers reject it");
    }

    @Test
    void markdownMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        writeAll(directory);
        GoldenFiles.assertMatches("gate-report.md", Files.readString(directory.resolve("report.md")));
    }

    @Test
    void junitXmlMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        writeAll(directory);
        GoldenFiles.assertMatches("TEST-commgate.xml", Files.readString(directory.resolve("TEST-commgate.xml")));
    }
}

package io.github.commgate.report;

import static io.github.commgate.report.BenchmarkTableTest.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateReportsTest {

    private static final RunResult RUN = GateRuns.current();
    private static final GateOutcome OUTCOME = GateRuns.outcome(RUN);

    private static List<Path> writeAll(Path directory) throws IOException {
        return GateReports.writeAll(directory, RUN, OUTCOME, Optional.of(GateRuns.baseline()), "0.0.0-test");
    }

    @Test
    void writesTheFourFilesReadableByCiStepsAndLeavesNoTemporaryFileBehind(@TempDir Path temp) throws IOException {
        Path directory = temp.resolve("target/commgate");
        List<Path> written = writeAll(directory);
        assertEquals(List.of("results.json", "report.md", "TEST-commgate.xml", "report.html"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        try (Stream<Path> listing = Files.list(directory)) {
            assertEquals(4, listing.count());
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(0))));
    }

    @Test
    void writingAgainReplacesTheFiles(@TempDir Path directory) throws IOException {
        writeAll(directory);
        Files.writeString(directory.resolve("report.md"), "stale");
        writeAll(directory);
        assertEquals(golden("gate-report.md"), Files.readString(directory.resolve("report.md")));
    }

    @Test
    void resultsJsonMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        writeAll(directory);
        assertEquals(golden("gate-results.json"), Files.readString(directory.resolve("results.json")));
    }

    @Test
    void resultsJsonIsTheBenchmarkJsonWithTheGateAdded() {
        ObjectNode json = GateJson.toJson(RUN, OUTCOME, Optional.empty(), "1.0");
        JsonNode gate = json.remove("gate");
        assertEquals(ResultsJson.toJson(RUN, "1.0"), json);
        assertEquals("FAIL", gate.get("decision").asText());
        assertTrue(gate.get("baseline").get("environment_matched").asBoolean());
        assertTrue(gate.get("points").get(5).get("baseline_median_us").isNull(), "no NaN: strict parsers reject it");
    }

    @Test
    void markdownMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        writeAll(directory);
        assertEquals(golden("gate-report.md"), Files.readString(directory.resolve("report.md")));
    }

    @Test
    void junitXmlMatchesTheGoldenFile(@TempDir Path directory) throws IOException {
        writeAll(directory);
        assertEquals(golden("TEST-commgate.xml"), Files.readString(directory.resolve("TEST-commgate.xml")));
    }
}

package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.history.HistoryFile;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.Trend;
import io.github.commgate.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trends from results.json files, as earlier CI runs leave them, and from history files. */
class ResultsHistoryTest {

    private static final RunReport REPORT = GateRuns.report(GateRuns.current()).withOrigin(GateRuns.ORIGIN);

    @Test
    void aResultsFileReadsAsTheRecordItsRunAppendedToTheHistory(@TempDir Path directory) throws Exception {
        Path file = ReportFiles.write(directory.resolve("results.json"), REPORT, ReportFormats.RESULTS_JSON);
        RunResult run = REPORT.run();
        HistoryRecord appended = HistoryRecord.of(run, "FAIL", REPORT.judgement().orElseThrow().points(), GateRuns.ORIGIN,
                GateRuns.TOOL_VERSION);
        assertEquals(appended, ResultsHistory.read(file));
    }

    @Test
    void aBenchmarkFileIsARunNoGateJudged(@TempDir Path directory) throws Exception {
        Path file = ReportFiles.write(directory.resolve("benchmark.json"), RunReport.measured(GateRuns.current(), "1.0"),
                ReportFormats.BENCHMARK_JSON);
        HistoryRecord record = ResultsHistory.read(file);
        assertEquals(HistoryRecord.MEASURED, record.decision());
        assertEquals("commgate 1.0", record.tool());
        assertTrue(record.points().stream().allMatch(p -> p.verdict() == null));
    }

    @Test
    void directoriesAreSearchedAtAnyDepthAndARunGivenTwiceCountsOnce(@TempDir Path directory) throws Exception {
        ReportFiles.write(directory.resolve("artifacts/run-41/target/commgate/results.json"), REPORT, ReportFormats.RESULTS_JSON);
        HistoryRecord record = HistoryRecord.of(REPORT.run(), "FAIL", REPORT.judgement().orElseThrow().points(), GateRuns.ORIGIN,
                GateRuns.TOOL_VERSION);
        Path history = HistoryFile.append(directory.resolve("artifacts/history"), record);
        List<String> warnings = new ArrayList<>();
        List<HistoryRecord> runs = TrendInputs.read(List.of(directory.resolve("artifacts"), history), warnings::add);
        assertEquals(List.of(record), runs);
        assertEquals(List.of(), warnings);
        List<Trend> trends = TrendInputs.trends(runs, 30);
        assertEquals(1, trends.size());
        assertEquals(8, trends.get(0).series().size());
    }

    @Test
    void aMissingPathOrABrokenResultsFileFailsNamingIt(@TempDir Path directory) throws Exception {
        Path missing = directory.resolve("run-40");
        assertEquals("results: " + missing + " does not exist", assertThrows(UnreadableResultsException.class,
                () -> TrendInputs.read(List.of(missing), w -> { })).getMessage());
        Path broken = Files.writeString(directory.resolve("results.json"), "{\"format\": 1,");
        assertTrue(assertThrows(UnreadableResultsException.class, () -> TrendInputs.read(List.of(broken), w -> { })).getMessage()
                .startsWith("results " + broken + ": line 1, column "));
    }

    @Test
    void aDirectoryWithoutRunsIsAWarning(@TempDir Path directory) throws Exception {
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(), TrendInputs.read(List.of(directory), warnings::add));
        assertEquals(List.of("no results.json, benchmark.json or history (.jsonl) file in " + directory), warnings);
    }
}

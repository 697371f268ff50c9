package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonReaderTest {

    @TempDir
    Path directory;

    @Test
    void aWrittenRunReadsBackWithEveryRanksSamples() throws Exception {
        RunResult written = BenchmarkTableTest.sampleRun();
        Path file = directory.resolve("results.json");
        ReportFiles.write(file, RunReport.measured(written, "0.0.0-test"), ReportFormats.BENCHMARK_JSON);
        RunResult read = ResultsJsonReader.read(file);
        assertEquals(written.plan(), read.plan());
        assertEquals(written.environment(), read.environment());
        assertEquals(written.startedAt(), read.startedAt());
        assertEquals(written.timing(), read.timing());
        assertEquals(written.points().size(), read.points().size());
        for (int i = 0; i < written.points().size(); i++) {
            PointResult before = written.points().get(i);
            PointResult after = read.points().get(i);
            assertEquals(before.status(), after.status());
            assertEquals(before.skipReason(), after.skipReason());
            assertEquals(before.bytes(), after.bytes());
            assertArrayEquals(before.samplesMicros(), after.samplesMicros());
            assertEquals(before.medianMicros(), after.medianMicros());
        }
    }

    @Test
    void anotherFormatIsRefusedNamingTheFileAndTheWriter() throws Exception {
        Path file = directory.resolve("results.json");
        Files.writeString(file, "{\"format\": 2, \"tool\": \"commgate 9.0\"}");
        assertEquals("results " + file + ": format 2 is not supported; this commgate reads format 1 (the file says it was written by commgate 9.0)",
                assertThrows(UnreadableResultsException.class, () -> ResultsJsonReader.read(file)).getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Path file = directory.resolve("results.json");
        Files.writeString(file, "{\n  \"format\": 1,\n  oops\n}");
        String message = assertThrows(UnreadableResultsException.class, () -> ResultsJsonReader.read(file)).getMessage();
        assertEquals(true, message.startsWith("results " + file + ": line 3, column 3: "), message);
    }
}

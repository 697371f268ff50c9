package io.github.commgate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSummaryTest {

    @Test
    void eachRunAppendsItsMarkdownToTheFileGithubNamesKeepingWhatOtherStepsWrote(@TempDir Path directory) throws Exception {
        Path summary = Files.writeString(directory.resolve("step_summary"), "# Build\n\n");
        Map<String, String> environment = Map.of(JobSummary.VARIABLE, summary.toString());
        JobSummary.append(new RecordingLog(), environment, "## commgate (a): PASS\n");
        JobSummary.append(new RecordingLog(), environment, "## commgate (b): FAIL\n");
        assertEquals("# Build\n\n## commgate (a): PASS\n\n## commgate (b): FAIL\n\n", Files.readString(summary));
    }

    @Test
    void withoutTheVariableNothingIsWrittenAndAFileThatFailsIsAWarning(@TempDir Path directory) {
        RecordingLog log = new RecordingLog();
        JobSummary.append(log, Map.of(), "## commgate: PASS\n");
        assertEquals(0, log.lines.size());
        JobSummary.append(log, Map.of(JobSummary.VARIABLE, directory.toString()), "## commgate: PASS\n");
        assertTrue(log.at("WARN").get(0).startsWith("commgate: cannot append the summary to " + directory), log.lines.toString());
    }
}

package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryPolicyTest {

    @Test
    void theHistoryDirectoryAndTheTrendsLengthAreValidatedWithTheOtherSettings(@TempDir Path directory) throws Exception {
        RunPlan plan = PlanValidator.validate(new RunSettings().backend("cpu").history(directory.resolve("history"), 30));
        assertEquals(new HistoryPolicy(directory.resolve("history"), 30), plan.history());
    }

    @Test
    void aHistoryDirectoryThatIsAFileAndATrendOfOneRunAreEachOneLine(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("history"), "");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> PlanValidator.validateHistory(new RunSettings().history(file, 1)));
        assertEquals(List.of("historyDirectory: " + file + " is a file, not a directory", "trendRuns: 1 must be 2 or more"),
                e.problems());
    }
}

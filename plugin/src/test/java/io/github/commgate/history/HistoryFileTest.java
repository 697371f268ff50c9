package io.github.commgate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    @Test
    void runsAppendedOneByOneReadBackOldestFirstFromTheirEnvironmentsFile(@TempDir Path directory) throws IOException {
        List<HistoryRecord> runs = HistoryRuns.daily(100, 101, 102);
        Path file = null;
        for (HistoryRecord run : List.of(runs.get(2), runs.get(0), runs.get(1))) {
            file = HistoryFile.append(directory.resolve("history"), run);
        }
        assertEquals(directory.resolve("history").resolve(HistoryRuns.ENVIRONMENT + ".jsonl"), file);
        assertEquals(3, Files.readAllLines(file).size(), "one line per run");
        assertEquals(runs, HistoryFile.read(file, problem -> {
            throw new AssertionError(problem);
        }));
        assertEquals(List.of(file), HistoryFile.list(directory.resolve("history")));
    }

    @Test
    void aLineThatCannotBeReadIsLeftOutAndToldWithTheFileAndLine(@TempDir Path directory) throws IOException {
        Path file = HistoryFile.append(directory, HistoryRuns.daily(100).get(0));
        Files.writeString(file, "{\"format\":1,\"started_at\n", StandardOpenOption.APPEND); // a build killed mid-line
        HistoryFile.append(directory, HistoryRuns.daily(100, 101).get(1));
        List<String> problems = new ArrayList<>();
        List<HistoryRecord> read = HistoryFile.read(file, problems::add);
        assertEquals(2, read.size());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("history " + file + " line 2: not JSON: "), problems.get(0));
    }

    @Test
    void noFileIsAnEmptyHistory(@TempDir Path directory) throws IOException {
        assertEquals(List.of(), HistoryFile.read(directory.resolve("none.jsonl"), problem -> {
        }));
        assertEquals(List.of(), HistoryFile.list(directory.resolve("none")));
    }
}

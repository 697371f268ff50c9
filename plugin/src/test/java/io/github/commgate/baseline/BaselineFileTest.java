package io.github.commgate.baseline;

import static io.github.commgate.gate.Runs.incorrect;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static io.github.commgate.gate.Runs.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.GoldenFiles;
import io.github.commgate.gate.BaselineUpdate;
import io.github.commgate.gate.BaselineUpdateException;
import io.github.commgate.gate.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {

    /**
     * Two recording runs in an order unlike the file's, with a skipped and an incorrect point that
     * must not be recorded; then one point recorded slower, with a reason.
     */
    static Baseline sampleBaseline() throws BaselineUpdateException {
        Baseline recorded = new BaselineUpdate(Runs.TEN_PERCENT, Set.of(), null).apply(Optional.empty(), List.of(
                run(List.of(
                        measured("shm-twoshot", 128, 702.1234567, 701.5, 703.25, 700.0, 702.0),
                        measured("shm-oneshot", 128, 677.3, 677.1, 677.9, 676.8, 678.2),
                        skipped("shm-twoshot", 16, "too small for two-shot"),
                        measured("shm-oneshot", 16, 41.5, 40.25, 42.0, 41.0, 40.5),
                        incorrect("shm-oneshot", 512, 2000, 2001, 2002))),
                run(List.of(
                        measured("shm-twoshot", 128, 705.5, 704.0, 706.25),
                        measured("shm-oneshot", 128, 679.0, 678.5, 680.0),
                        skipped("shm-twoshot", 16, "too small for two-shot"),
                        measured("shm-oneshot", 16, 41.75, 41.0, 42.5),
                        incorrect("shm-oneshot", 512, 2000, 2001, 2002)))), Runs.PROVENANCE).baseline();
        return new BaselineUpdate(Runs.TEN_PERCENT, Set.of("shm-oneshot"), "  the runner moved to slower memory ")
                .apply(Optional.of(recorded), List.of(run(List.of(measured("shm-oneshot", 16, 50.5, 49.75, 51.0)))),
                        Runs.PROVENANCE).baseline();
    }

    static String golden(String name) throws IOException {
        return GoldenFiles.read(name);
    }

    @Test
    void theWrittenFileMatchesTheGoldenFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("baselines/cpu.json");
        BaselineFile.write(sampleBaseline(), file);
        GoldenFiles.assertMatches("baseline.json", Files.readString(file));
    }

    @Test
    void whatIsWrittenReadsBackEqual(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cpu.json");
        Baseline baseline = sampleBaseline();
        BaselineFile.write(baseline, file);
        assertEquals(baseline, BaselineFile.read(file));
        assertEquals(BaselineFile.text(baseline), BaselineFile.text(BaselineFile.read(file)));
    }

    @Test
    void writingReplacesTheOldFileAndLeavesNoTemporaryFileBehind(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cpu.json");
        Files.writeString(file, "old");
        BaselineFile.write(sampleBaseline(), file);
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Files.readString(file).startsWith("{\n  \"format\" : 2,"));
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cpu.json");
        Files.createDirectories(file.resolve("in-the-way"));
        assertThrows(IOException.class, () -> BaselineFile.write(sampleBaseline(), file));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Files.isDirectory(file.resolve("in-the-way")));
    }

    @Test
    void aMissingFileIsEmptyForReadIfPresentAndAnErrorForRead(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("none.json");
        assertEquals(Optional.empty(), BaselineFile.readIfPresent(file));
        BaselineException e = assertThrows(BaselineException.class, () -> BaselineFile.read(file));
        assertEquals("baseline " + file + ": no such file", e.getMessage());
    }
}

package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLocationsTest {

    @TempDir
    Path directory;

    @Test
    void aFileUnderARegularFileOrNamingADirectoryIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(directory.resolve("afile"), "x");
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("outputJson", file.resolve("deeper/bench.json"));
        outputs.put("baselineFile", directory);
        assertEquals(List.of(
                        "outputJson: " + file.resolve("deeper/bench.json") + " cannot be written: " + file + " is a file, not a directory",
                        "baselineFile: " + directory + " is a directory; name a file"),
                assertThrows(InvalidSettingsException.class, () -> OutputLocations.check(outputs)).problems());
    }

    @Test
    void aWritablePlaceIsCreatedAndLeftWithoutTheProbe() throws Exception {
        Path report = directory.resolve("target/commgate/report.md");
        OutputLocations.check(Map.of("the reports", report));
        try (Stream<Path> left = Files.list(report.getParent())) {
            assertEquals(List.of(), left.toList());
        }
    }
}

package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reports are plain Java, like the gate: no Maven API and no JavaCPP. */
class ReportPackageImportsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/commgate/report");

    @Test
    void noClassOfTheReportsImportsMavenOrJavaCpp() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.contains("org.apache.maven.") || line.contains("org.bytedeco.")) {
                    offending.add(file.getFileName() + ": " + line.trim());
                }
            }
        }
        assertTrue(files.size() > 5, "found the report sources in " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), offending);
    }
}

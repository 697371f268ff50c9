package io.github.commgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The gate is plain Java: no Maven API and no JavaCPP, so it is tested and reused without either. */
class GatePackageImportsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/commgate/gate");

    @Test
    void noClassOfTheGateImportsMavenOrJavaCpp() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.matches("\\s*import\\s+(static\\s+)?(org\\.apache\\.maven|org\\.bytedeco)\\..*")
                        || line.contains("org.apache.maven.") || line.contains("org.bytedeco.")) {
                    offending.add(file.getFileName() + ": " + line.trim());
                }
            }
        }
        assertTrue(files.size() > 10, "found the gate's sources in " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), offending);
    }
}

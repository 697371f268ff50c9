package io.github.commgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate and the reports are plain Java: no Maven API and no JavaCPP, so they are tested and
 * reused without either, and a machine without CUDA never loads native code through them.
 */
class PurePackagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"gate", "report", "result", "plan"})
    void importsNeitherMavenNorJavaCpp(String pkg) throws IOException {
        Path sources = Path.of("src/main/java/io/github/commgate", pkg);
        List<Path> files;
        try (Stream<Path> listing = Files.list(sources)) {
            files = listing.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.contains("org.apache.maven.") || line.contains("org.bytedeco.")) {
                    offending.add(file.getFileName() + ": " + line.trim());
                }
            }
        }
        assertTrue(files.size() > 3, "found the " + pkg + " sources in " + sources.toAbsolutePath());
        assertEquals(List.of(), offending);
    }
}

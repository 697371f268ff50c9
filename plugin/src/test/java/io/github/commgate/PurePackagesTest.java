package io.github.commgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packages stay layered: the gate, the baselines and the reports are plain Java (no Maven
 * API, no JavaCPP), so they are tested and reused without either and a machine without CUDA
 * never loads native code through them; and no package imports one above it, so each can be
 * read knowing only what lies below (docs/architecture.md draws the layers).
 */
class PurePackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/commgate");
    private static final Pattern OUR_IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.commgate\\.([a-z.]+)\\.[A-Z]");

    /** Each package's layer; a package may import only from lower layers. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("numeric", 0), Map.entry("machine", 0), Map.entry("stats", 0), Map.entry("files", 0),
            Map.entry("comm", 1), Map.entry("comm.cpu", 2), Map.entry("comm.cuda", 2),
            Map.entry("plan", 3), Map.entry("result", 4),
            Map.entry("protocol", 5), Map.entry("baseline", 5),
            Map.entry("gate", 6), Map.entry("launch", 6), Map.entry("worker", 6),
            Map.entry("report", 7), Map.entry("maven", 8));

    @ParameterizedTest
    @ValueSource(strings = {"gate", "baseline", "stats", "report", "result", "plan", "machine", "files"})
    void importsNeitherMavenNorJavaCpp(String pkg) throws IOException {
        List<Path> files = sources(SOURCES.resolve(pkg.replace('.', '/')));
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.contains("org.apache.maven.") || line.contains("org.bytedeco.")) {
                    offending.add(file.getFileName() + ": " + line.trim());
                }
            }
        }
        assertTrue(!files.isEmpty(), "found the " + pkg + " sources in " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), offending);
    }

    @Test
    void noPackageImportsOneAboveIt() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : sources(SOURCES)) {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            Integer layer = LAYERS.get(pkg);
            assertTrue(layer != null, "package " + pkg + " has no layer in this test; give it one");
            for (String line : Files.readAllLines(file)) {
                Matcher imported = OUR_IMPORT.matcher(line);
                if (imported.find() && !imported.group(1).equals(pkg) && LAYERS.get(imported.group(1)) >= layer) {
                    upward.add(pkg + "." + file.getFileName() + " imports " + imported.group(1));
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    private static List<Path> sources(Path directory) throws IOException {
        try (Stream<Path> listing = Files.walk(directory)) {
            return listing.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}

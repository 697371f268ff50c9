package io.github.commgate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden files under src/test/resources/golden: every format a machine reads is compared
 * with one. After a deliberate change of a format, run the tests once with
 * {@code -Dgolden.update=true} to write the new text, then review the diff like code.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    public static String read(String name) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static void assertMatches(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(read(name), actual, "golden file " + name);
    }
}

package io.github.commgate.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void writesTheWholeTextAsUtf8CreatingTheDirectory(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("target/commgate/report.md");
        assertEquals(file, AtomicFile.write(file, "## commgate: PASS \u2014 \u00b5s\n", AtomicFile.Readers.EVERYONE));
        assertEquals("## commgate: PASS \u2014 \u00b5s\n", Files.readString(file));
    }

    @Test
    void replacesTheOldFileAndLeavesNoTemporaryFileBehind(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("results.json");
        Files.writeString(file, "old");
        AtomicFile.write(file, "new", AtomicFile.Readers.EVERYONE);
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("results.json"), listing(directory));
    }

    @Test
    void reportsAreReadableByEveryoneAndBaselinesKeepTheModeTheirUserGaveThem(@TempDir Path directory) throws IOException {
        assertEquals("rw-r--r--", mode(AtomicFile.write(directory.resolve("report.html"), "x", AtomicFile.Readers.EVERYONE)));
        Path baseline = directory.resolve("cpu.json");
        assertEquals("rw-r--r--", mode(AtomicFile.write(baseline, "new", AtomicFile.Readers.AS_BEFORE)));
        Files.setPosixFilePermissions(baseline, PosixFilePermissions.fromString("rw-rw----"));
        assertEquals("rw-rw----", mode(AtomicFile.write(baseline, "updated", AtomicFile.Readers.AS_BEFORE)));
        assertEquals("updated", Files.readString(baseline));
    }

    @Test
    void aFailedWriteLeavesWhatWasThereAndNoTemporaryFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("report.md");
        Files.createDirectories(file.resolve("in-the-way"));
        assertThrows(IOException.class, () -> AtomicFile.write(file, "text", AtomicFile.Readers.EVERYONE));
        assertEquals(List.of("report.md"), listing(directory));
        assertTrue(Files.isDirectory(file.resolve("in-the-way")));
    }

    @Test
    void aTemporaryFileIsHiddenAndNamedAfterItsFile() {
        assertEquals(".report.md", AtomicFile.temporaryPrefix("report.md"));
        assertEquals(".tmp", AtomicFile.TEMPORARY_SUFFIX);
    }
}

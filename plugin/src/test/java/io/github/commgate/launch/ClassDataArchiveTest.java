package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path directory;

    private LaunchSettings settings(List<String> jvmArgs, List<Path> classpath) {
        return new LaunchSettings(TestLaunches.JAVA, jvmArgs, Map.of(), classpath, directory.resolve("logs"), Duration.ofSeconds(5));
    }

    private List<Path> jars() throws Exception {
        return List.of(Files.writeString(directory.resolve("plugin.jar"), "a"), Files.writeString(directory.resolve("jackson.jar"), "b"));
    }

    @Test
    void theFirstRunsRankZeroWritesTheArchiveWhichTakesItsPlaceOnlyAfterACleanRun() throws Exception {
        Path cache = directory.resolve("cache");
        List<Path> jars = jars();
        ClassDataArchive first = ClassDataArchive.prepare(settings(List.of(), jars), cache);
        assertNotNull(first.dumpTo());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first.dumpTo(), "-Xlog:cds*=off"), first.jvmArgs(0));
        assertEquals(List.of(), first.jvmArgs(1));
        Files.writeString(first.dumpTo(), "an archive");
        first.finish(false);
        assertFalse(Files.exists(first.dumpTo()));
        assertFalse(Files.exists(first.archive()));

        ClassDataArchive second = ClassDataArchive.prepare(settings(List.of(), jars), cache);
        Files.writeString(second.dumpTo(), "an archive");
        second.finish(true);
        assertTrue(Files.isRegularFile(second.archive()));

        ClassDataArchive third = ClassDataArchive.prepare(settings(List.of(), jars), cache);
        assertEquals(second.archive(), third.archive());
        assertEquals(List.of("-XX:SharedArchiveFile=" + third.archive(), "-Xshare:auto", "-Xlog:cds*=off"), third.jvmArgs(0));
        assertEquals(third.jvmArgs(0), third.jvmArgs(3));
    }

    @Test
    void onlyTheNewestArchivesAreKept() throws Exception {
        Path cache = Files.createDirectories(directory.resolve("cache"));
        for (int i = 0; i < 10; i++) {
            Path archive = Files.writeString(cache.resolve("worker-" + Integer.toHexString(0xa0 + i) + ".jsa"), "an archive");
            Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000L * i));
        }
        Files.writeString(cache.resolve("notes.txt"), "not an archive");
        ClassDataArchive.pruneOlderThanTheNewest(cache, 8);
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of("notes.txt", "worker-a2.jsa", "worker-a3.jsa", "worker-a4.jsa", "worker-a5.jsa", "worker-a6.jsa",
                    "worker-a7.jsa", "worker-a8.jsa", "worker-a9.jsa"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anotherClasspathGetsAnotherArchive() throws Exception {
        Path cache = directory.resolve("cache");
        List<Path> jars = jars();
        ClassDataArchive before = ClassDataArchive.prepare(settings(List.of(), jars), cache);
        Files.writeString(jars.get(0), "a newer plugin");
        assertFalse(before.archive().equals(ClassDataArchive.prepare(settings(List.of(), jars), cache).archive()));
    }

    @Test
    void theUsersOwnSharingOptionsOrAClassesDirectoryTurnItOff() throws Exception {
        Path cache = directory.resolve("cache");
        assertEquals(ClassDataArchive.NONE, ClassDataArchive.prepare(settings(List.of("-Xshare:off"), jars()), cache));
        assertEquals(ClassDataArchive.NONE,
                ClassDataArchive.prepare(settings(List.of("-XX:SharedArchiveFile=/mine.jsa"), jars()), cache));
        assertEquals(ClassDataArchive.NONE, ClassDataArchive.prepare(settings(List.of(), List.of(directory)), cache));
        assertEquals(List.of(), ClassDataArchive.NONE.jvmArgs(0));
    }

    /** A jlink'd runtime made without --generate-cds-archive: ArchiveClassesAtExit would stop its JVM starting. */
    @Test
    void aJavaWithoutTheJdksBaseArchiveGetsNone() throws Exception {
        Path bin = Files.createDirectories(directory.resolve("jlinked").resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "");
        LaunchSettings jlinked = new LaunchSettings(java, List.of(), Map.of(), jars(), directory.resolve("logs"), Duration.ofSeconds(5));
        assertEquals(ClassDataArchive.NONE, ClassDataArchive.prepare(jlinked, directory.resolve("cache")));
        assertTrue(ClassDataArchive.hasBaseArchive(TestLaunches.JAVA), "this JDK ships lib/server/classes.jsa");
    }
}

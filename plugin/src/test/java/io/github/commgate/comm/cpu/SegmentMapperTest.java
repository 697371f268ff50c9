package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.commgate.InstalledJdks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared segments are unmapped for real (gone from /proc/self/maps) on the JDK 17 of the build and on a JDK 22+. */
class SegmentMapperTest {

    private static final int PAGE = SharedMemoryFile.PAGE_BYTES;

    @TempDir
    Path directory;

    private Path twoPages() throws IOException {
        Path file = Files.createTempFile(directory, "segments-", ".shm");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(1), 2L * PAGE - 1);
        }
        return file;
    }

    @Test
    void closingUnmapsEveryRegionOfThisJvm() throws IOException {
        Path file = twoPages();
        SegmentMapper mapper = SegmentMapper.forThisJdk();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            mapper.map(channel, 0, PAGE).putInt(0, 42);
            mapper.map(channel, PAGE, PAGE).putInt(0, 7);
        }
        assertEquals(2, UnmapProbe.mappingsOf(file));
        mapper.close();
        assertEquals(0, UnmapProbe.mappingsOf(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer read = ByteBuffer.allocate(4);
            channel.read(read, PAGE);
            assertEquals(7, read.flip().getInt(), "the store through the mapping reached the file");
        }
    }

    @Test
    void aJdk17UsesTheCleanerAndANewerJdkTheArena() {
        String expected = Runtime.version().feature() >= 22 ? "arena" : "cleaner";
        SegmentMapper mapper = SegmentMapper.forThisJdk();
        assertEquals(expected, mapper.way());
        mapper.close();
    }

    @Test
    void onAJdk22OrNewerTheRegionsBelongToAnArenaWhoseCloseUnmapsThem() throws Exception {
        Path java = newerJava(22);
        assertEquals(List.of("arena: 2 mappings before the close, 0 after", "touching a closed region: IllegalStateException"),
                probe(java, twoPages(), "supported").lines().toList());
    }

    @Test
    void onTheNewestJdkTheCleanerWouldWarnAndTheArenaDoesNot() throws Exception {
        Path java = newerJava(24);
        String cleaner = probe(java, twoPages(), "cleaner");
        assertTrue(cleaner.contains("WARNING: sun.misc.Unsafe::invokeCleaner"), cleaner);
        String supported = probe(java, twoPages(), "supported");
        assertFalse(supported.contains("WARNING"), supported);
        assertTrue(supported.startsWith("arena: 2 mappings before the close, 0 after"), supported);
    }

    private static Path newerJava(int feature) {
        Optional<Path> java = InstalledJdks.javaOfAtLeast(feature);
        assumeTrue(java.isPresent(), "no JDK " + feature + " or newer under /usr/lib/jvm");
        return java.get();
    }

    private static String probe(Path java, Path file, String way) throws Exception {
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                UnmapProbe.class.getName(), file.toString(), way)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}

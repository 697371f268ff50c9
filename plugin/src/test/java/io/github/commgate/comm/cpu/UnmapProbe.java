package io.github.commgate.comm.cpu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a fresh JVM by {@link SegmentMapperTest}: maps a file the way this JDK supports (or the
 * cleaner's way, given {@code cleaner}), and prints which way, how many of this process's
 * mappings name the file before and after the close, and what touching a region afterwards does
 * (arena only: after the cleaner, that would read unmapped memory). The JVM's own warnings go to
 * the same output.
 */
public final class UnmapProbe {

    private UnmapProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            SegmentMapper mapper = args.length > 1 && args[1].equals("cleaner") ? new CleanerSegmentMapper()
                    : SegmentMapper.forThisJdk();
            ByteBuffer first = mapper.map(channel, 0, SharedMemoryFile.PAGE_BYTES);
            mapper.map(channel, SharedMemoryFile.PAGE_BYTES, SharedMemoryFile.PAGE_BYTES).putInt(0, 7);
            first.putInt(0, 42);
            long before = mappingsOf(file);
            mapper.close();
            System.out.printf("%s: %d mappings before the close, %d after%n", mapper.way(), before, mappingsOf(file));
            if (mapper.way().equals("arena")) {
                try {
                    first.getInt(0);
                    System.out.println("touching a closed region read it");
                } catch (IllegalStateException e) {
                    System.out.println("touching a closed region: " + e.getClass().getSimpleName());
                }
            }
        }
    }

    static long mappingsOf(Path file) throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(line -> line.endsWith(" " + file)).count();
        }
    }
}

package io.github.commgate.comm.cpu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Maps the regions of one shared file for one rank and unmaps them all at once, in the way the
 * running JDK supports: from JDK 22 through a {@code java.lang.foreign} arena
 * ({@link ArenaSegmentMapper}), before that through the JDK's own cleaner
 * ({@link CleanerSegmentMapper}), the only unmap Java 17 to 21 have. The plugin is compiled for
 * Java 17 and runs its workers on any JDK from 17 on, so the choice is made when a worker runs.
 */
interface SegmentMapper extends AutoCloseable {

    /** Maps {@code [offset, offset + bytes)} of the channel's file read-write, shared with every process that maps it. */
    ByteBuffer map(FileChannel channel, long offset, long bytes) throws IOException;

    /** Unmaps every region; no buffer from {@link #map} may be touched afterwards. */
    @Override
    void close();

    /** Which way this JVM unmaps, as reported in tests: {@code arena} or {@code cleaner}. */
    String way();

    static SegmentMapper forThisJdk() {
        return ArenaSegmentMapper.supported() ? new ArenaSegmentMapper() : new CleanerSegmentMapper();
    }
}

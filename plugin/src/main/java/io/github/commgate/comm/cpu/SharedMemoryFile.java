package io.github.commgate.comm.cpu;

import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The file one communicator's ranks share, mapped by each of them: a control area, then
 * {@code inputCount} input segments of {@code inputBytes}, then {@code scratchCount} scratch
 * segments of {@code scratchBytes}, each segment starting on its own page.
 *
 * <p>Rank 0 creates the file owner-only, sizes it and tells the others its name through the
 * rendezvous; every rank maps every region (the same page-cache pages, so the stores of one
 * process are the loads of another). Regions are mapped one by one, which keeps each under
 * the 2 GiB limit of a single mapping. The file lives in the launcher's scratch directory, which
 * is removed after the run even when a worker dies before {@link #close()}.
 */
final class SharedMemoryFile implements AutoCloseable {

    /** Segments start on page boundaries, so their 16-byte vectors are aligned in memory. */
    static final int PAGE_BYTES = 4096;

    private final Path path;
    private final boolean owner;
    private final SegmentMapper mapper = SegmentMapper.forThisJdk();

    private SharedMemoryFile(Path path, boolean owner) {
        this.path = path;
        this.owner = owner;
    }

    static SharedMemoryFile open(String prefix, RankContext context, long totalBytes)
            throws IOException {
        Path created = null;
        if (context.rank() == 0) {
            created = Files.createTempFile(context.scratchDirectory(), prefix + "-", ".shm",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(created, StandardOpenOption.WRITE)) {
                // Sparse and zero-filled: the barrier counters start at 0 without a write.
                channel.write(ByteBuffer.allocate(1), totalBytes - 1);
            }
        }
        // The all-gather is the barrier after creation, and carries rank 0's file name.
        byte[] mine = created == null ? new byte[0]
                : created.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        List<byte[]> names = context.rendezvous().allGather(mine);
        String name = new String(names.get(0), StandardCharsets.UTF_8);
        return new SharedMemoryFile(context.scratchDirectory().resolve(name), context.rank() == 0);
    }

    static long pageAligned(long bytes) {
        return (bytes + PAGE_BYTES - 1) / PAGE_BYTES * PAGE_BYTES;
    }

    Path path() {
        return path;
    }

    /** Maps {@code [offset, offset + bytes)} read-write; shared with every rank that maps it. */
    ByteBuffer map(long offset, long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return mapper.map(channel, offset, bytes);
        }
    }

    /**
     * Unmaps every region the supported way of the running JDK ({@link SegmentMapper}) and rank 0
     * deletes the file. No buffer from {@link #map} may be touched afterwards.
     */
    @Override
    public void close() throws IOException {
        mapper.close();
        if (owner) {
            Files.deleteIfExists(path);
        }
    }
}

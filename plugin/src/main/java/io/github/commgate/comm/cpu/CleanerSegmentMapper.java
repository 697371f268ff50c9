package io.github.commgate.comm.cpu;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Regions mapped as {@link MappedByteBuffer}s, unmapped through {@code sun.misc.Unsafe::invokeCleaner}:
 * on JDK 17 to 21 there is no public unmap, and this one warns only from JDK 24 on, where
 * {@link ArenaSegmentMapper} is used instead. Best effort: where jdk.unsupported is absent or
 * locked down, a region is unmapped when its buffer is collected, or when the worker exits.
 */
final class CleanerSegmentMapper implements SegmentMapper {

    private final List<MappedByteBuffer> mappings = new ArrayList<>();

    @Override
    public ByteBuffer map(FileChannel channel, long offset, long bytes) throws IOException {
        MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, offset, bytes);
        mappings.add(mapping);
        return mapping;
    }

    @Override
    public void close() {
        for (MappedByteBuffer mapping : mappings) {
            unmap(mapping);
        }
        mappings.clear();
    }

    @Override
    public String way() {
        return "cleaner";
    }

    private static void unmap(MappedByteBuffer mapping) {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field instance = unsafeClass.getDeclaredField("theUnsafe");
            instance.setAccessible(true);
            Method invokeCleaner = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
            invokeCleaner.invoke(instance.get(null), mapping);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // jdk.unsupported absent or locked down: the mapping goes with the buffer's GC.
        }
    }
}

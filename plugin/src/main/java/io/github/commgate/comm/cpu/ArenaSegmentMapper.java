package io.github.commgate.comm.cpu;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Regions mapped into one shared arena (JDK 22+), unmapped together when the arena closes:
 * {@code FileChannel.map(MapMode, long, long, Arena)} and {@code Arena.close()} are the
 * supported unmap of java.lang.foreign (JEP 454). A buffer touched after the close throws
 * {@link IllegalStateException} instead of reading freed memory. Reached through reflection,
 * because the plugin compiles against Java 17, which has no such API.
 */
final class ArenaSegmentMapper implements SegmentMapper {

    /** Final in JDK 22; in 19 to 21 the same names were a preview that needs a flag. */
    private static final int FIRST_FINAL_FEATURE = 22;
    private static final Linked LINKED = Linked.find();

    private final AutoCloseable arena;

    ArenaSegmentMapper() {
        try {
            arena = (AutoCloseable) LINKED.ofShared().invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot open a shared arena: " + e, e);
        }
    }

    static boolean supported() {
        return LINKED != null;
    }

    @Override
    public ByteBuffer map(FileChannel channel, long offset, long bytes) throws IOException {
        try {
            Object segment = LINKED.map().invoke(channel, FileChannel.MapMode.READ_WRITE, offset, bytes, arena);
            return (ByteBuffer) LINKED.asByteBuffer().invoke(segment);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot map " + bytes + " bytes at " + offset + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IOException("cannot map through java.lang.foreign: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            arena.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the arena of the shared segments: " + e, e);
        }
    }

    @Override
    public String way() {
        return "arena";
    }

    /** The three methods, or null on a JDK without them. */
    private record Linked(Method ofShared, Method map, Method asByteBuffer) {

        static Linked find() {
            if (Runtime.version().feature() < FIRST_FINAL_FEATURE) {
                return null;
            }
            try {
                Class<?> arena = Class.forName("java.lang.foreign.Arena");
                Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
                return new Linked(arena.getMethod("ofShared"),
                        FileChannel.class.getMethod("map", FileChannel.MapMode.class, long.class, long.class, arena),
                        segment.getMethod("asByteBuffer"));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }
}

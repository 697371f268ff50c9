package io.github.commgate.comm.cpu;

import io.github.commgate.comm.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * One buffer seen as bytes, 16-bit elements and floats, all in native order. The absolute bulk
 * {@code get}/{@code put} of these views are plain memory copies, which is what lets the
 * reduction run near copy speed; element-wise access to a mapped buffer would not.
 */
record TypedSegment(ByteBuffer bytes, ShortBuffer shorts, IntBuffer ints, FloatBuffer floats) {

    static TypedSegment of(ByteBuffer buffer) {
        ByteBuffer bytes = buffer.duplicate().order(ByteOrder.nativeOrder());
        return new TypedSegment(bytes, bytes.asShortBuffer(), bytes.asIntBuffer(),
                bytes.asFloatBuffer());
    }

    int capacityBytes() {
        return bytes.capacity();
    }

    /** Writes {@code count} elements of raw bits (low 16 bits for the 16-bit types). */
    void putBits(DType dtype, int firstElement, int[] bits, int count) {
        if (dtype == DType.FP32) {
            // Through ints, not floats: the bits go in untouched, NaN payloads included.
            ints.put(firstElement, bits, 0, count);
        } else {
            short[] narrow = new short[count];
            for (int i = 0; i < count; i++) {
                narrow[i] = (short) bits[i];
            }
            shorts.put(firstElement, narrow, 0, count);
        }
    }

    /** Copies {@code length} bytes from {@code source} at {@code sourceOffset} to {@code offset}. */
    void copyFrom(TypedSegment source, int sourceOffset, int offset, int length) {
        bytes.put(offset, source.bytes, sourceOffset, length);
    }
}

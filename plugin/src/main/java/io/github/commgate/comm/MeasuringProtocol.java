package io.github.commgate.comm;

/**
 * How every point of a run is measured, the shape of vLLM's benchmark: {@code warmups} untimed
 * rounds, then {@code trials} timed rounds of {@code cycles} all-reduces each (on GPUs one round
 * is one replay of a CUDA graph holding {@code cycles} all-reduces); a sample is one round's time
 * divided by {@code cycles}. One per run, carried once, never copied into the points.
 *
 * <p>{@code rotatingBufferBytes} chooses between two views of an all-reduce's memory. At 0 (the
 * default, as vLLM's benchmark) every all-reduce of a round reads and writes the same buffers:
 * messages that fit in the GPU's L2 are read warm, as an all-reduce right after the GEMM that
 * produced its input. Above 0, as nccl-tests' harness does (src/common.cu, {@code startColl}),
 * all-reduce {@code k} of a round shifts its send and receive pointers by
 * {@code bytes x (k mod (rotatingBufferBytes / bytes))} through buffers of that size, so a
 * message is read cold unless a whole round fits in the cache.
 *
 * @param rotatingBufferBytes 0 for one buffer, else the size of the buffers the all-reduces
 *                            rotate through (at least the largest point's bytes)
 */
public record MeasuringProtocol(int warmups, int trials, int cycles, long rotatingBufferBytes) {

    /** One buffer per point: the warm view. */
    public MeasuringProtocol(int warmups, int trials, int cycles) {
        this(warmups, trials, cycles, 0);
    }

    public boolean rotates() {
        return rotatingBufferBytes > 0;
    }

    /** Bytes each send and receive buffer needs for points of up to {@code maxBytes}. */
    public long bufferBytes(long maxBytes) {
        return Math.max(maxBytes, rotatingBufferBytes);
    }

    /** How many message-sized steps fit in the rotating buffer: nccl-tests' {@code steps}, at least 1. */
    public long steps(AllReducePoint point) {
        return rotates() && point.bytes() > 0 ? Math.max(1, rotatingBufferBytes / point.bytes()) : 1;
    }

    /** Where all-reduce {@code k} of a round reads and writes, in bytes from the buffers' start. */
    public long offsetBytes(AllReducePoint point, int k) {
        return point.bytes() * (k % steps(point));
    }

    /** The distinct offsets one round touches: {@code min(cycles, steps)}, 1 in the warm view. */
    public int slots(AllReducePoint point) {
        return (int) Math.min(cycles, steps(point));
    }
}

package io.github.commgate.comm;

/**
 * One point of a sweep: an all-reduce of a {@code (sequenceLength, hiddenSize)} tensor, measured
 * as {@code warmups} untimed and {@code trials} timed rounds of {@code cycles} all-reduces each
 * (the shape of vLLM's benchmark, where one round is one CUDA graph replay).
 */
public record AllReducePoint(int sequenceLength, int hiddenSize, DType dtype,
                             int warmups, int trials, int cycles) {

    public long elementCount() {
        return (long) sequenceLength * hiddenSize;
    }

    public long bytes() {
        return elementCount() * dtype.bytes();
    }
}

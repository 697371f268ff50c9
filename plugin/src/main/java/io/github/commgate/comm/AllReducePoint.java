package io.github.commgate.comm;

/**
 * One point of a sweep: an all-reduce of a {@code (sequenceLength, hiddenSize)} tensor of
 * {@code dtype}. How it is measured is the run's {@link MeasuringProtocol}.
 */
public record AllReducePoint(int sequenceLength, int hiddenSize, DType dtype) {

    public long elementCount() {
        return (long) sequenceLength * hiddenSize;
    }

    public long bytes() {
        return elementCount() * dtype.bytes();
    }
}

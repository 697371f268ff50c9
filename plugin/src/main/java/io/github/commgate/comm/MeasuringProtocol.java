package io.github.commgate.comm;

/**
 * How every point of a run is measured, the shape of vLLM's benchmark: {@code warmups} untimed
 * rounds, then {@code trials} timed rounds of {@code cycles} all-reduces each (on GPUs one round
 * is one replay of a CUDA graph holding {@code cycles} all-reduces); a sample is one round's time
 * divided by {@code cycles}. One per run, carried once, never copied into the points.
 */
public record MeasuringProtocol(int warmups, int trials, int cycles) {
}

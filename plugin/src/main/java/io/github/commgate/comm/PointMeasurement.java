package io.github.commgate.comm;

/**
 * What one rank measured at one point: the latency of one all-reduce in each timed trial
 * (microseconds, trial time divided by the cycles in it) and the correctness check after them.
 */
public record PointMeasurement(double[] latencyMicros, Correctness correctness) {
}

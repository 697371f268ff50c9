package io.github.commgate.comm;

/**
 * What one rank measured at one point: the latency of one all-reduce in each timed trial
 * (microseconds, trial time divided by the cycles in it), the correctness check after them, and
 * where the backend has one, the figure vLLM's benchmark prints: host wall-clock over all
 * trials divided by trials and cycles (NaN otherwise).
 */
public record PointMeasurement(double[] latencyMicros, Correctness correctness, double hostMicros) {

    public PointMeasurement(double[] latencyMicros, Correctness correctness) {
        this(latencyMicros, correctness, Double.NaN);
    }

    public PointMeasurement withCorrectness(Correctness checked) {
        return new PointMeasurement(latencyMicros, checked, hostMicros);
    }
}

package io.github.commgate.plan;

/**
 * The run's parameters as the user wrote them (a mojo's fields, a test's values), before
 * validation. Lists are comma-separated text; null or blank means "the backend's default".
 *
 * @param customMaxBytes the largest all-reduce our own kernels take; larger points skip
 */
public record RunSettings(String backend, Integer worldSize, String communicators,
                          String sequenceLengths, int hiddenSize, String dtype,
                          int warmups, int trials, int cycles, long customMaxBytes) {

    /** The defaults documented on the mojo parameters. */
    public static RunSettings defaults() {
        return new RunSettings("auto", null, null, null, 8192, "bf16", 5, 50, 10, BenchmarkPlan.DEFAULT_CUSTOM_MAX_BYTES);
    }

    public RunSettings withBackend(String value) {
        return new RunSettings(value, worldSize, communicators, sequenceLengths, hiddenSize, dtype, warmups, trials, cycles, customMaxBytes);
    }

    public RunSettings withWorldSize(Integer value) {
        return new RunSettings(backend, value, communicators, sequenceLengths, hiddenSize, dtype, warmups, trials, cycles, customMaxBytes);
    }

    public RunSettings withCommunicators(String value) {
        return new RunSettings(backend, worldSize, value, sequenceLengths, hiddenSize, dtype, warmups, trials, cycles, customMaxBytes);
    }

    public RunSettings withSequenceLengths(String value) {
        return new RunSettings(backend, worldSize, communicators, value, hiddenSize, dtype, warmups, trials, cycles, customMaxBytes);
    }

    public RunSettings withHiddenSize(int value) {
        return new RunSettings(backend, worldSize, communicators, sequenceLengths, value, dtype, warmups, trials, cycles, customMaxBytes);
    }

    public RunSettings withDtype(String value) {
        return new RunSettings(backend, worldSize, communicators, sequenceLengths, hiddenSize, value, warmups, trials, cycles, customMaxBytes);
    }

    public RunSettings withCustomMaxBytes(long value) {
        return new RunSettings(backend, worldSize, communicators, sequenceLengths, hiddenSize, dtype, warmups, trials, cycles, value);
    }

    public RunSettings withCounts(int warmupCount, int trialCount, int cycleCount) {
        return new RunSettings(backend, worldSize, communicators, sequenceLengths, hiddenSize, dtype, warmupCount, trialCount, cycleCount, customMaxBytes);
    }
}

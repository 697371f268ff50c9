package io.github.commgate.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters as the user wrote them (a mojo's fields, a test's values), before validation,
 * set by name and starting from {@link Defaults}. Lists are comma-separated text; a null or blank
 * text means "the backend's default". Only {@link PlanValidator} reads it.
 */
public final class RunSettings {

    String backend = Defaults.BACKEND;
    Integer worldSize;
    String communicators;
    String sequenceLengths;
    int hiddenSize = Defaults.HIDDEN_SIZE;
    String dtype = Defaults.DTYPE;
    int warmups = Defaults.WARMUPS;
    int trials = Defaults.TRIALS;
    int cycles = Defaults.CYCLES;
    long customMaxBytes = Defaults.CUSTOM_MAX_BYTES;
    long rotatingBufferBytes = Defaults.ROTATING_BUFFER_BYTES;
    int timeoutSeconds = Defaults.TIMEOUT_SECONDS;
    int lockTimeoutSeconds = Defaults.LOCK_TIMEOUT_SECONDS;
    Double threshold;
    Map<String, String> thresholds = new LinkedHashMap<>();
    Double floor;
    double alpha = Defaults.ALPHA;
    int confirmRuns = Defaults.CONFIRM_RUNS;
    int recordRuns = Defaults.RECORD_RUNS;
    boolean allowEnvironmentMismatch;
    Boolean requireBaseline;
    boolean ci;
    boolean failOnRegression = true;
    Path historyDirectory;
    int trendRuns = Defaults.TREND_RUNS;
    String launcher = Defaults.LAUNCHER;
    String launcherExecutable;
    List<String> launcherArgs = new ArrayList<>();
    String coordinatorHost;

    public RunSettings backend(String value) {
        backend = value;
        return this;
    }

    public RunSettings worldSize(Integer value) {
        worldSize = value;
        return this;
    }

    public RunSettings communicators(String value) {
        communicators = value;
        return this;
    }

    public RunSettings sequenceLengths(String value) {
        sequenceLengths = value;
        return this;
    }

    public RunSettings hiddenSize(int value) {
        hiddenSize = value;
        return this;
    }

    public RunSettings dtype(String value) {
        dtype = value;
        return this;
    }

    public RunSettings protocol(int warmupCount, int trialCount, int cycleCount) {
        warmups = warmupCount;
        trials = trialCount;
        cycles = cycleCount;
        return this;
    }

    public RunSettings customMaxBytes(long value) {
        customMaxBytes = value;
        return this;
    }

    /** 0: one buffer per point; above: the bytes the all-reduces rotate through (cache-cold). */
    public RunSettings rotatingBufferBytes(long value) {
        rotatingBufferBytes = value;
        return this;
    }

    public RunSettings timeoutSeconds(int value) {
        timeoutSeconds = value;
        return this;
    }

    public RunSettings lockTimeoutSeconds(int value) {
        lockTimeoutSeconds = value;
        return this;
    }

    /**
     * The default threshold in percent (null: each point's limit follows its measured noise), and
     * per-communicator ones as written (name to percent).
     */
    public RunSettings thresholds(Double percent, Map<String, String> byCommunicator) {
        threshold = percent;
        thresholds = byCommunicator == null ? new LinkedHashMap<>() : new LinkedHashMap<>(byCommunicator);
        return this;
    }

    /** Null: the timer's resolution per all-reduce. */
    public RunSettings floor(Double micros) {
        floor = micros;
        return this;
    }

    public RunSettings alpha(double value) {
        alpha = value;
        return this;
    }

    public RunSettings confirmRuns(int value) {
        confirmRuns = value;
        return this;
    }

    public RunSettings recordRuns(int value) {
        recordRuns = value;
        return this;
    }

    public RunSettings allowEnvironmentMismatch(boolean value) {
        allowEnvironmentMismatch = value;
        return this;
    }

    /** Null: required where the build runs in CI (see {@link #ci}). */
    public RunSettings requireBaseline(Boolean value) {
        requireBaseline = value;
        return this;
    }

    /** Whether the build runs in CI, as the {@code CI} environment variable says (true there). */
    public RunSettings ci(boolean value) {
        ci = value;
        return this;
    }

    /** Where runs are appended for their trend; null only where a goal keeps none. */
    public RunSettings history(Path directory, int latestRuns) {
        historyDirectory = directory;
        trendRuns = latestRuns;
        return this;
    }

    public RunSettings failOnRegression(boolean value) {
        failOnRegression = value;
        return this;
    }

    public RunSettings launcher(String value) {
        launcher = value;
        return this;
    }

    /** Null: the engine's own command name, looked up on the PATH. */
    public RunSettings launcherExecutable(String value) {
        launcherExecutable = value;
        return this;
    }

    public RunSettings launcherArgs(List<String> values) {
        launcherArgs = values == null ? new ArrayList<>() : new ArrayList<>(values);
        return this;
    }

    /** Null: loopback for the local launcher, this machine's address for an engine. */
    public RunSettings coordinatorHost(String value) {
        coordinatorHost = value;
        return this;
    }
}

package io.github.commgate.plan;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.CommunicatorDeclaration;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.machine.VisibleGpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the user wrote into a {@link RunPlan}, or into one line per problem naming the
 * parameter and the value. The one place where parameters are checked, so the mojos stay thin
 * and the messages are the same wherever the settings come from.
 */
public final class PlanValidator {

    private final List<String> problems = new ArrayList<>();

    private PlanValidator() {
    }

    /** Validates settings for a machine without GPUs. */
    public static RunPlan validate(RunSettings settings) throws InvalidSettingsException {
        return validate(settings, VisibleGpus.none("no GPU looked for"));
    }

    public static RunPlan validate(RunSettings settings, VisibleGpus gpus) throws InvalidSettingsException {
        return new PlanValidator().check(settings, gpus);
    }

    /**
     * Only the gate's settings, for recording a run from its results file: what was measured is
     * in that file, whatever machine reads it.
     */
    public static GatePolicy validateGate(RunSettings settings) throws InvalidSettingsException {
        PlanValidator validator = new PlanValidator();
        GatePolicy gate = validator.gate(settings);
        if (!validator.problems.isEmpty()) {
            throw new InvalidSettingsException(validator.problems);
        }
        return gate;
    }

    /** Only where runs are kept, for the report goal, which measures nothing. */
    public static HistoryPolicy validateHistory(RunSettings settings) throws InvalidSettingsException {
        PlanValidator validator = new PlanValidator();
        HistoryPolicy history = validator.history(settings);
        if (!validator.problems.isEmpty()) {
            throw new InvalidSettingsException(validator.problems);
        }
        return history;
    }

    private RunPlan check(RunSettings s, VisibleGpus gpus) throws InvalidSettingsException {
        LaunchValidator launchValidator = new LaunchValidator(problems);
        Launcher launcher = launchValidator.launcher(s);
        Backend backend = Backend.parse(orDefault(s.backend, Defaults.BACKEND)).orElse(null);
        if (backend == null) {
            problems.add(String.format("backend: unknown backend '%s'; valid: %s", s.backend, Backend.labels()));
        }
        if (launcher == null || backend == null) {
            throw new InvalidSettingsException(problems);
        }
        Backend resolved = backend.resolve(gpus.count());
        // Under an engine the ranks run on the nodes it allocates, whose GPUs this host need not have.
        if (resolved == Backend.CUDA && gpus.count() == 0 && !launcher.isEngine()) {
            problems.add("backend: cuda needs an NVIDIA GPU, but none is visible here (" + gpus.seen() + ")");
            throw new InvalidSettingsException(problems);
        }
        BenchmarkPlan benchmark = benchmark(s, resolved, gpus, launcher);
        Duration timeout = Duration.ofSeconds(atLeast("timeout", s.timeoutSeconds, 1, " second"));
        Duration lockTimeout = Duration.ofSeconds(atLeast("lockTimeout", s.lockTimeoutSeconds, 0, " second"));
        int recordRuns = atLeast("recordRuns", s.recordRuns, 1, "");
        GatePolicy gate = gate(s);
        HistoryPolicy history = history(s);
        LaunchPlan launch = launchValidator.check(s, launcher);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new RunPlan(benchmark, timeout, lockTimeout, gate, recordRuns, history, launch);
    }

    private HistoryPolicy history(RunSettings s) {
        Path directory = s.historyDirectory == null ? null : s.historyDirectory.toAbsolutePath().normalize();
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            problems.add("historyDirectory: " + directory + " is a file, not a directory");
        }
        return new HistoryPolicy(directory, atLeast("trendRuns", s.trendRuns, 2, ""));
    }

    private GatePolicy gate(RunSettings s) {
        return new GatePolicy(new ThresholdsValidator(problems).check(s), atLeast("confirmRuns", s.confirmRuns, 0, ""),
                s.allowEnvironmentMismatch, s.requireBaseline != null ? s.requireBaseline : s.ci, s.failOnRegression);
    }

    /** The plan, or null when a problem was found (then the size checks wait for a usable plan). */
    private BenchmarkPlan benchmark(RunSettings s, Backend backend, VisibleGpus gpus, Launcher launcher) {
        int worldSize = worldSize(s.worldSize, backend, gpus, launcher);
        List<String> communicators = communicators(s.communicators, backend);
        List<Integer> sequenceLengths = sequenceLengths(s.sequenceLengths, backend);
        atLeast("hiddenSize", s.hiddenSize, 1, "");
        DType dtype = DType.parse(orDefault(s.dtype, Defaults.DTYPE)).orElse(null);
        if (dtype == null) {
            problems.add(String.format("dtype: unknown dtype '%s'; valid: %s", s.dtype, DType.labels()));
        }
        MeasuringProtocol protocol = new MeasuringProtocol(atLeast("warmups", s.warmups, 0, ""),
                atLeast("trials", s.trials, 1, ""), atLeast("cycles", s.cycles, 1, ""), s.rotatingBufferBytes);
        if (s.customMaxBytes < CommunicatorDeclaration.VECTOR_BYTES) {
            problems.add(String.format("customAllReduceMaxSize: %d must be at least %d bytes", s.customMaxBytes,
                    CommunicatorDeclaration.VECTOR_BYTES));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(backend).worldSize(worldSize).communicators(communicators)
                .sequenceLengths(sequenceLengths).hiddenSize(s.hiddenSize).dtype(dtype).protocol(protocol)
                .customMaxBytes(s.customMaxBytes).build();
        for (BenchmarkPlan.PlannedPoint p : plan.points()) {
            CommunicatorCatalog.declaration(backend, p.communicator()).splitProblem(p.point()).ifPresent(problems::add);
        }
        rotatingBuffer(s.rotatingBufferBytes, plan.maxBytes());
        return plan;
    }

    /**
     * 0 (off), or at least the largest point: the buffer holds every point at least once, as
     * nccl-tests sizes its buffers by its largest message.
     */
    private void rotatingBuffer(long bytes, long largestPoint) {
        if (bytes != 0 && bytes < largestPoint) {
            problems.add(String.format("rotatingBufferSize: %d bytes must be 0 (one buffer per point) or at least the"
                    + " largest point's %d bytes", bytes, largestPoint));
        }
    }

    private int worldSize(Integer requested, Backend backend, VisibleGpus gpus, Launcher launcher) {
        if (backend == Backend.CPU) {
            int worldSize = requested == null ? Defaults.CPU_WORLD_SIZE : requested;
            if (worldSize < 2 || worldSize > Defaults.MAX_WORLD_SIZE) {
                problems.add(String.format("worldSize: %d is out of range; the cpu backend runs 2 to %d ranks", worldSize,
                        Defaults.MAX_WORLD_SIZE));
            }
            return worldSize;
        }
        // An engine spreads its ranks over its nodes: not bounded by the GPUs of this host, which may have none.
        boolean engine = launcher.isEngine();
        if (engine && requested == null && gpus.count() == 0) {
            problems.add(String.format("worldSize: must be set for launcher %s, since no GPU is visible on this host to "
                    + "count (%s)", launcher, gpus.seen()));
            return 1;
        }
        int most = engine ? Defaults.MAX_ENGINE_WORLD_SIZE : Defaults.MAX_WORLD_SIZE;
        int worldSize = requested == null ? Math.min(gpus.count(), Defaults.MAX_WORLD_SIZE) : requested;
        if (worldSize < 1 || worldSize > most) {
            problems.add(String.format("worldSize: %d is out of range; the cuda backend runs 1 to %d ranks%s", worldSize,
                    most, engine ? " under launcher " + launcher : ""));
        } else if (!engine && worldSize > gpus.count()) {
            problems.add(String.format("worldSize: %d needs one GPU per rank, but %d %s visible (%s)",
                    worldSize, gpus.count(), gpus.count() == 1 ? "is" : "are", gpus.seen()));
        }
        return worldSize;
    }

    private List<String> communicators(String text, Backend backend) {
        List<String> valid = CommunicatorCatalog.names(backend);
        if (isBlank(text)) {
            return CommunicatorCatalog.defaults(backend);
        }
        List<String> chosen = new ArrayList<>();
        for (String name : split(text)) {
            if (!valid.contains(name)) {
                problems.add(String.format("communicators: unknown communicator '%s'; valid for backend %s: %s",
                        name, backend, String.join(", ", valid)));
            } else if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add(String.format("communicators: '%s' selects none; valid for backend %s: %s",
                    text, backend, String.join(", ", valid)));
        }
        return chosen;
    }

    private List<Integer> sequenceLengths(String text, Backend backend) {
        if (isBlank(text)) {
            return backend == Backend.CUDA ? Defaults.GPU_SEQUENCE_LENGTHS : Defaults.CPU_SEQUENCE_LENGTHS;
        }
        List<Integer> lengths = new ArrayList<>();
        for (String item : split(text)) {
            Optional<Integer> value = parsePositive(item);
            if (value.isEmpty()) {
                problems.add(String.format("sequenceLengths: '%s' is not a positive integer", item));
            } else {
                lengths.add(value.get());
            }
        }
        if (lengths.isEmpty() && problems.isEmpty()) {
            problems.add(String.format("sequenceLengths: '%s' names no size", text));
        }
        return lengths;
    }

    /** {@code value}, with a problem recorded when it is below {@code minimum}. */
    private int atLeast(String parameter, int value, int minimum, String unit) {
        if (value < minimum) {
            problems.add(String.format("%s: %d must be %d%s or more", parameter, value, minimum,
                    unit.isEmpty() || minimum == 1 ? unit : unit + "s"));
        }
        return value;
    }

    private static Optional<Integer> parsePositive(String item) {
        try {
            int value = Integer.parseInt(item);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Comma- or space-separated items, as lists are written in a pom or on the command line. */
    public static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String orDefault(String text, String fallback) {
        return isBlank(text) ? fallback : text;
    }
}

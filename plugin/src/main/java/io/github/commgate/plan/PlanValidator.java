package io.github.commgate.plan;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.CommunicatorCatalog;
import io.github.commgate.comm.DType;
import io.github.commgate.machine.VisibleGpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the user wrote into a {@link BenchmarkPlan}, or into one line per problem. This is
 * the one place where parameters are checked, so the mojos stay thin and the messages stay
 * the same wherever the settings come from.
 */
public final class PlanValidator {

    /** Default sizes of the CPU backend: 256 KiB to 32 MiB in bf16, a sweep that a 2-core runner finishes well within a minute. */
    public static final List<Integer> CPU_SEQUENCE_LENGTHS = List.of(16, 64, 128, 512, 2048);
    /** Default sizes on GPUs, those of vLLM's benchmark_device_communicators.py: 2 MiB to 128 MiB in bf16. */
    public static final List<Integer> GPU_SEQUENCE_LENGTHS = List.of(128, 512, 1024, 2048, 4096, 8192);
    public static final int CPU_WORLD_SIZE = 2;
    public static final int MAX_WORLD_SIZE = 8;

    private final List<String> problems = new ArrayList<>();

    private PlanValidator() {
    }

    /** Validates settings for a machine without GPUs. */
    public static BenchmarkPlan validate(RunSettings settings) throws InvalidSettingsException {
        return validate(settings, VisibleGpus.none("no GPU looked for"));
    }

    public static BenchmarkPlan validate(RunSettings settings, VisibleGpus gpus) throws InvalidSettingsException {
        return new PlanValidator().check(settings, gpus);
    }

    private BenchmarkPlan check(RunSettings s, VisibleGpus gpus) throws InvalidSettingsException {
        Backend backend = Backend.parse(orDefault(s.backend(), "auto")).orElse(null);
        if (backend == null) {
            problems.add(String.format("backend: unknown backend '%s'; valid: %s", s.backend(), Backend.labels()));
            throw new InvalidSettingsException(problems);
        }
        Backend resolved = CommunicatorCatalog.resolve(backend, gpus.count());
        if (resolved == Backend.CUDA && gpus.count() == 0) {
            problems.add("backend: cuda needs an NVIDIA GPU, but none is visible here (" + gpus.seen() + ")");
            throw new InvalidSettingsException(problems);
        }
        int worldSize = worldSize(s.worldSize(), resolved, gpus);
        List<String> communicators = communicators(s.communicators(), resolved);
        List<Integer> sequenceLengths = sequenceLengths(s.sequenceLengths(), resolved);
        positive("hiddenSize", s.hiddenSize());
        DType dtype = DType.parse(orDefault(s.dtype(), "bf16")).orElse(null);
        if (dtype == null) {
            problems.add(String.format("dtype: unknown dtype '%s'; valid: %s", s.dtype(), DType.labels()));
        }
        if (s.warmups() < 0) {
            problems.add(String.format("warmups: %d must be 0 or more", s.warmups()));
        }
        positive("trials", s.trials());
        positive("cycles", s.cycles());
        if (s.customMaxBytes() < CommunicatorCatalog.VECTOR_BYTES) {
            problems.add(String.format("customAllReduceMaxSize: %d must be at least %d bytes", s.customMaxBytes(), CommunicatorCatalog.VECTOR_BYTES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        BenchmarkPlan plan = new BenchmarkPlan(resolved, worldSize, communicators, sequenceLengths,
                s.hiddenSize(), dtype, s.warmups(), s.trials(), s.cycles(), s.customMaxBytes());
        for (BenchmarkPlan.PlannedPoint p : plan.points()) {
            CommunicatorCatalog.splitProblem(p.communicator(), p.point()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return plan;
    }

    private int worldSize(Integer requested, Backend backend, VisibleGpus gpus) {
        if (backend == Backend.CPU) {
            int worldSize = requested == null ? CPU_WORLD_SIZE : requested;
            if (worldSize < 2 || worldSize > MAX_WORLD_SIZE) {
                problems.add(String.format("worldSize: %d is out of range; the cpu backend runs 2 to %d ranks", worldSize, MAX_WORLD_SIZE));
            }
            return worldSize;
        }
        int worldSize = requested == null ? Math.min(gpus.count(), MAX_WORLD_SIZE) : requested;
        if (worldSize < 1 || worldSize > MAX_WORLD_SIZE) {
            problems.add(String.format("worldSize: %d is out of range; the cuda backend runs 1 to %d ranks", worldSize, MAX_WORLD_SIZE));
        } else if (worldSize > gpus.count()) {
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
            return backend == Backend.CUDA ? GPU_SEQUENCE_LENGTHS : CPU_SEQUENCE_LENGTHS;
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

    private void positive(String parameter, int value) {
        if (value < 1) {
            problems.add(String.format("%s: %d must be 1 or more", parameter, value));
        }
    }

    private static Optional<Integer> parsePositive(String item) {
        try {
            int value = Integer.parseInt(item);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String orDefault(String text, String fallback) {
        return isBlank(text) ? fallback : text;
    }
}

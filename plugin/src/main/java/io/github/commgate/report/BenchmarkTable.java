package io.github.commgate.report;

import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The console table of a run, laid out as vLLM's benchmark_device_communicators.py prints it
 * (one row per tensor size, one column per communicator, the fastest and its speedup over the
 * reference), in microseconds, followed by the same grid in bus bandwidth.
 */
public final class BenchmarkTable {

    private static final int SHAPE = 20;
    private static final int SIZE = 15;
    private static final int CELL = 20;
    private static final String RULE = "=".repeat(110);

    private BenchmarkTable() {
    }

    public static List<String> lines(RunResult run) {
        BenchmarkPlan plan = run.plan();
        String reference = CommunicatorCatalog.reference(plan.communicators());
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add(String.format("commgate benchmark: backend %s, world size %d, %s, hidden size %d",
                plan.backend(), plan.worldSize(), plan.dtype(), plan.hiddenSize()));
        lines.add(machine(run));
        lines.add(String.format("%d warm-ups, %d trials of %d all-reduces; latency is the median over trials of the slowest rank",
                plan.protocol().warmups(), plan.protocol().trials(), plan.protocol().cycles()));
        lines.add(RULE);
        lines.add(header(plan, "Best (speedup vs " + reference + ")"));
        for (int sequenceLength : plan.sequenceLengths()) {
            StringBuilder row = rowStart(plan, sequenceLength);
            for (String communicator : plan.communicators()) {
                row.append(pad(cell(run.point(communicator, sequenceLength), p -> p.medianMicros(), "%.1f us"), CELL));
            }
            row.append(fastest(run, sequenceLength, reference));
            lines.add(row.toString().stripTrailing());
        }
        lines.add(DispatchTable.line(run));
        lines.add("");
        lines.add("Bus bandwidth, GB/s (nccl-tests: bytes / median time x 2(n-1)/n)");
        lines.add(header(plan, "").stripTrailing());
        for (int sequenceLength : plan.sequenceLengths()) {
            StringBuilder row = rowStart(plan, sequenceLength);
            for (String communicator : plan.communicators()) {
                row.append(pad(cell(run.point(communicator, sequenceLength), PointResult::busBandwidthGBps, "%.2f"), CELL));
            }
            lines.add(row.toString().stripTrailing());
        }
        lines.add(RULE);
        return lines;
    }

    /** "fastest (speedup x)" over the reference, or N/A when nothing at this size was measured. */
    public static String fastest(RunResult run, int sequenceLength, String reference) {
        Optional<PointResult> best = run.plan().communicators().stream()
                .map(c -> run.point(c, sequenceLength)).flatMap(Optional::stream)
                .filter(p -> p.status() == PointStatus.MEASURED)
                .min(Comparator.comparingDouble(PointResult::medianMicros));
        if (best.isEmpty()) {
            return "N/A";
        }
        Optional<PointResult> base = run.point(reference, sequenceLength).filter(p -> p.status() == PointStatus.MEASURED);
        String speedup = base.map(b -> String.format(Locale.ROOT, "%.2fx", b.medianMicros() / best.get().medianMicros())).orElse("N/A");
        return best.get().communicator() + " (" + speedup + ")";
    }

    /** The hardware and the library versions the numbers belong to. */
    static String machine(RunResult run) {
        Map<String, String> env = run.environment();
        if (env.containsKey(MachineFacts.GPU_MODEL)) {
            return String.format("%s (%s of them visible), driver %s, CUDA runtime %s, NCCL %s",
                    env.get(MachineFacts.GPU_MODEL), env.getOrDefault(MachineFacts.GPU_COUNT, "?"), env.getOrDefault(MachineFacts.DRIVER, "unknown"),
                    env.getOrDefault(MachineFacts.CUDA_RUNTIME, "unknown"), env.getOrDefault(MachineFacts.NCCL_VERSION, "unknown"));
        }
        String barrier = env.containsKey(MachineFacts.SHM_BARRIER_NS) ? ", shared-memory barrier " + env.get(MachineFacts.SHM_BARRIER_NS) + " ns" : "";
        return String.format("%s, %s cores, Java %s%s", env.getOrDefault(MachineFacts.CPU_MODEL, "unknown CPU"),
                env.getOrDefault(MachineFacts.CPU_COUNT, "?"), env.getOrDefault(MachineFacts.JAVA_VERSION, "?"), barrier);
    }

    private static String header(BenchmarkPlan plan, String last) {
        StringBuilder header = new StringBuilder(pad("Tensor Shape", SHAPE)).append(pad("Tensor Size", SIZE));
        plan.communicators().forEach(c -> header.append(pad(c, CELL)));
        return header.append(last).toString();
    }

    private static StringBuilder rowStart(BenchmarkPlan plan, int sequenceLength) {
        double mib = plan.point(sequenceLength).bytes() / (1024.0 * 1024.0);
        return new StringBuilder(pad("(" + sequenceLength + ", " + plan.hiddenSize() + ")", SHAPE))
                .append(pad(String.format(Locale.ROOT, "%.2f MiB", mib), SIZE));
    }

    private static String cell(Optional<PointResult> point, ToDoubleFunction<PointResult> value, String format) {
        if (point.isEmpty()) {
            return "N/A";
        }
        return switch (point.get().status()) {
            case SKIPPED -> "skipped";
            case INCORRECT -> "WRONG";
            case MEASURED -> String.format(Locale.ROOT, format, value.applyAsDouble(point.get()));
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}

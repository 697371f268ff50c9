package io.github.commgate.report;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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
        lines.add(RunDescription.machine(run.environment()));
        lines.add(String.format("%d warm-ups, %d trials of %d all-reduces; latency is the median over trials of the slowest rank",
                plan.protocol().warmups(), plan.protocol().trials(), plan.protocol().cycles()));
        lines.add(RULE);
        lines.add(header(plan, "Best (speedup vs " + reference + ")"));
        for (int sequenceLength : plan.sequenceLengths()) {
            StringBuilder row = rowStart(plan, sequenceLength);
            for (String communicator : plan.communicators()) {
                row.append(pad(cell(run.point(communicator, sequenceLength), p -> Units.micros(p.medianMicros())), CELL));
            }
            row.append(SpeedupInfo.text(run, sequenceLength, reference));
            lines.add(row.toString().stripTrailing());
        }
        lines.add(DispatchTable.line(run));
        lines.add("");
        Optional<PeakBandwidth> peak = PeakBandwidth.of(run);
        lines.add("Bus bandwidth, GB/s (nccl-tests: bytes / median time x 2(n-1)/n)"
                + peak.map(p -> "; in brackets the share of the " + p.sentence()).orElse(""));
        lines.add(header(plan, "").stripTrailing());
        for (int sequenceLength : plan.sequenceLengths()) {
            StringBuilder row = rowStart(plan, sequenceLength);
            for (String communicator : plan.communicators()) {
                row.append(pad(cell(run.point(communicator, sequenceLength),
                        p -> String.format(Locale.ROOT, "%.2f", p.busBandwidthGBps())
                                + peak.map(k -> " (" + k.percentOf(p) + ")").orElse("")), CELL));
            }
            lines.add(row.toString().stripTrailing());
        }
        lines.add(RULE);
        return lines;
    }

    private static String header(BenchmarkPlan plan, String last) {
        StringBuilder header = new StringBuilder(pad("Tensor Shape", SHAPE)).append(pad("Tensor Size", SIZE));
        plan.communicators().forEach(c -> header.append(pad(c, CELL)));
        return header.append(last).toString();
    }

    private static StringBuilder rowStart(BenchmarkPlan plan, int sequenceLength) {
        return new StringBuilder(pad("(" + sequenceLength + ", " + plan.hiddenSize() + ")", SHAPE))
                .append(pad(Units.size(plan.point(sequenceLength).bytes()), SIZE));
    }

    private static String cell(Optional<PointResult> point, Function<PointResult, String> value) {
        if (point.isEmpty()) {
            return "N/A";
        }
        return switch (point.get().status()) {
            case SKIPPED -> "skipped";
            case INCORRECT -> "WRONG";
            case MEASURED -> value.apply(point.get());
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}

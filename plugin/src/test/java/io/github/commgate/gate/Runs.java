package io.github.commgate.gate;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RankPointResult;
import io.github.commgate.result.RunResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fixed runs and baselines for the gate's tests: two ranks on a CPU, bf16, hidden size 8192. */
public final class Runs {

    public static final int HIDDEN = 8192;
    /** The limits these tests were written for: 10 % and a 1 us floor, as the user's threshold. */
    public static final Thresholds TEN_PERCENT = new Thresholds(10, Map.of(), 1.0, 0.01);
    public static final Provenance PROVENANCE = new Provenance("0.1.0-test", Instant.parse("2026-11-24T06:00:00Z"), "0123abc");

    private Runs() {
    }

    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java_version", "17.0.12");
        environment.put("java_vendor", "Eclipse Adoptium");
        environment.put("os", "Linux 6.8.0");
        environment.put("arch", "amd64");
        environment.put("cpu_model", "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz");
        environment.put("cpu_count", "2");
        environment.put("host", "ci-runner-1");
        return environment;
    }

    public static RunResult run(List<PointResult> points) {
        return run(environment(), points);
    }

    public static RunResult run(Map<String, String> environment, List<PointResult> points) {
        List<String> communicators = points.stream().map(PointResult::communicator).distinct().toList();
        List<Integer> lengths = points.stream().map(PointResult::sequenceLength).distinct().sorted().toList();
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators(communicators)
                .sequenceLengths(lengths).hiddenSize(HIDDEN).dtype(DType.BF16).protocol(5, 10, 10).build();
        return new RunResult(plan, environment, Instant.parse("2026-11-24T06:00:00Z"), 0.5, 10.0, points);
    }

    public static long bytes(int sequenceLength) {
        return (long) sequenceLength * HIDDEN * DType.BF16.bytes();
    }

    /** A point whose slowest-rank samples are exactly {@code samples}: rank 1 is always 1 us faster. */
    public static PointResult measured(String communicator, int sequenceLength, double... samples) {
        double[] faster = Arrays.stream(samples).map(s -> s - 1).toArray();
        return PointResult.combine(List.of(
                new RankPointResult(0, communicator, sequenceLength, 0, null, samples, 0, ""),
                new RankPointResult(1, communicator, sequenceLength, 0, null, faster, 0, "")), HIDDEN, bytes(sequenceLength));
    }

    public static PointResult skipped(String communicator, int sequenceLength, String reason) {
        return PointResult.combine(List.of(
                RankPointResult.skipped(0, communicator, sequenceLength, 0, reason),
                RankPointResult.skipped(1, communicator, sequenceLength, 0, reason)), HIDDEN, bytes(sequenceLength));
    }

    public static PointResult incorrect(String communicator, int sequenceLength, double... samples) {
        return PointResult.combine(List.of(
                new RankPointResult(0, communicator, sequenceLength, 0, null, samples, 0, ""),
                new RankPointResult(1, communicator, sequenceLength, 0, null, samples, 3, "element 17: 2.0 instead of 3.0")),
                HIDDEN, bytes(sequenceLength));
    }

    /** Ten samples whose median is {@code median}, spread by 0.1 us steps around it. */
    public static double[] around(double median) {
        return around(median, 0.1);
    }

    /** Ten samples whose median is {@code median}, {@code step} apart, none equal to the median. */
    public static double[] around(double median, double step) {
        double[] offsets = {-5, -4, -3, -2, -1, 1, 2, 3, 4, 5};
        return Arrays.stream(offsets).map(o -> median + o * step).toArray();
    }

    public static Baseline baselineOf(RunResult run) {
        try {
            return new BaselineUpdate(TEN_PERCENT, Set.of(), null).apply(Optional.empty(), List.of(run), PROVENANCE).baseline();
        } catch (BaselineUpdateException e) {
            throw new AssertionError(e);
        }
    }
}

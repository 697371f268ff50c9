package io.github.commgate.history;

import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run in a history: when and from what code it ran, in which environment, what the gate
 * decided, and a {@link HistoryPoint} per point. A history file holds one per line, oldest first.
 *
 * @param tool        "commgate 0.1.0"
 * @param environment the environment's name, as its baseline file is named without ".json"
 * @param decision    "PASS", "FAIL", "NOT_COMPARABLE" or "ERROR"; "MEASURED" for a run no gate judged
 */
public record HistoryRecord(Instant startedAt, String tool, RunOrigin origin, String environment,
                            String environmentDescription, String decision, List<HistoryPoint> points) {

    /** The decision of a run that the benchmark goal measured and no gate judged. */
    public static final String MEASURED = "MEASURED";

    public HistoryRecord {
        points = List.copyOf(points);
    }

    /**
     * A run as the gate judged it, or, with no verdicts, as the benchmark goal measured it.
     *
     * @param decision the gate's decision, or {@link #MEASURED}
     * @param verdicts the gate's verdict per point; empty for a run no gate judged
     */
    public static HistoryRecord of(RunResult run, String decision, List<PointVerdict> verdicts, RunOrigin origin,
                                   String toolVersion) {
        EnvironmentKey key = EnvironmentKey.of(run);
        List<HistoryPoint> points = verdicts.isEmpty()
                ? run.points().stream().map(p -> point(p, Optional.empty())).toList()
                : verdicts.stream().map(v -> point(run.point(v.communicator(), v.sequenceLength()).orElse(null),
                        Optional.of(v))).toList();
        return new HistoryRecord(run.startedAt(), "commgate " + toolVersion, origin, environmentName(key), key.describe(),
                decision, points);
    }

    /** "cpu-amd-epyc-7b13-2cpus-ws2-bf16-h8192": the baseline file's name without ".json". */
    public static String environmentName(EnvironmentKey key) {
        String file = key.fileName();
        return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }

    /** The run failed: a regression, a wrong result, nothing measured, or broken infrastructure. */
    public boolean failed() {
        return decision.equals("FAIL") || decision.equals("ERROR");
    }

    public Optional<HistoryPoint> point(String communicator, long bytes) {
        return points.stream().filter(p -> p.communicator().equals(communicator) && p.bytes() == bytes).findFirst();
    }

    /** @param measured the run's point; null where a verdict has none (it cannot happen for a run the gate judged) */
    private static HistoryPoint point(PointResult measured, Optional<PointVerdict> judged) {
        double iqr = measured == null ? Double.NaN : measured.interquartileMicros();
        if (judged.isEmpty()) {
            return new HistoryPoint(measured.communicator(), measured.sequenceLength(), measured.bytes(), null,
                    measured.medianMicros(), iqr, Double.NaN, Double.NaN);
        }
        PointVerdict v = judged.get();
        return new HistoryPoint(v.communicator(), v.sequenceLength(), v.bytes(), v.verdict().name(), v.currentMedianMicros(),
                iqr, v.baselineMedianMicros(), v.limitMicros());
    }
}

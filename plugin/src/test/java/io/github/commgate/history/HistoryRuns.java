package io.github.commgate.history;

import io.github.commgate.gate.Gate;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.Runs;
import io.github.commgate.result.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs for the history's tests: one judged by the real gate, and made-up series of medians. */
public final class HistoryRuns {

    public static final RunOrigin ORIGIN = new RunOrigin("example", "0123abcd4567ef890123abcd4567ef8901234567", "main");
    public static final Instant FIRST = Instant.parse("2026-11-24T06:00:00Z");
    public static final String ENVIRONMENT = "cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192";

    private HistoryRuns() {
    }

    /** shm-oneshot at 256 KiB passes, at 2 MiB regresses, against a baseline of the same medians at 2 MiB 15 % faster. */
    public static HistoryRecord judged() {
        RunResult baselineRun = Runs.run(List.of(Runs.measured("shm-oneshot", 16, Runs.around(40.5)),
                Runs.measured("shm-oneshot", 128, Runs.around(677.3, 1))));
        RunResult run = Runs.run(List.of(Runs.measured("shm-oneshot", 16, Runs.around(40.2)),
                Runs.measured("shm-oneshot", 128, Runs.around(812.3, 1))));
        GateOutcome outcome = new Gate(Runs.TEN_PERCENT, false, false).evaluate(run, Runs.baselineOf(baselineRun), "cpu.json");
        return HistoryRecord.of(run, outcome.decision().name(), outcome.points(), ORIGIN, "0.0.0-test");
    }

    /**
     * Runs a day apart with one point, shm-oneshot at 2 MiB, of these medians, judged against a
     * baseline of 100 us with a limit of 110 us; a median beyond the limit regresses and fails its run.
     */
    public static List<HistoryRecord> daily(double... medians) {
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            boolean regressed = medians[i] > 110;
            HistoryPoint point = new HistoryPoint("shm-oneshot", 128, 2_097_152, regressed ? "REGRESSED" : "PASS", medians[i], 1.0,
                    100, 110);
            records.add(new HistoryRecord(FIRST.plus(Duration.ofDays(i)), "commgate 0.0.0-test",
                    new RunOrigin("example", String.format("%040d", i), "main"), ENVIRONMENT, "cpu backend on 2 CPUs",
                    regressed ? "FAIL" : "PASS", List.of(point)));
        }
        return records;
    }

    public static TrendSeries onlySeries(List<HistoryRecord> records) {
        List<TrendSeries> series = Trend.of(records, 30).series();
        if (series.size() != 1) {
            throw new AssertionError("expected one series, got " + series);
        }
        return series.get(0);
    }
}

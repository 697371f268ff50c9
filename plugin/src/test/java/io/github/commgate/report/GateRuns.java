package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.gate.BaselineUpdate;
import io.github.commgate.gate.BaselineUpdateException;
import io.github.commgate.gate.Gate;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.Runs;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run judged by the real gate against a real baseline, with one point of every verdict but
 * ERROR and NOT_COMPARABLE (which need a run of their own): two ranks on a CPU, bf16, h 8192.
 */
final class GateRuns {

    static final int HIDDEN = 8192;
    /** The CPU the baseline was recorded on; a run on another CPU is not comparable. */
    static final String XEON = "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz";
    static final String BASELINE_NAME = "src/commgate/cpu.json";
    static final Provenance PROVENANCE = new Provenance("0.1.0-test", Instant.parse("2026-11-20T06:00:00Z"), "0123abc");
    static final List<Integer> SIZES = List.of(16, 128, 1024, 4096);
    static final List<String> COMMUNICATORS = List.of("shm-oneshot", "shm-twoshot");
    static final String TOOL_VERSION = "0.0.0-test";

    private GateRuns() {
    }

    /** The points the baseline recorded; shm-twoshot at 16 MiB is missing, so it has NO_BASELINE. */
    static RunResult recorded() {
        return run(environment(XEON), List.of(
                measured("shm-oneshot", 16, around(40.5, 0.1)), measured("shm-twoshot", 16, around(80, 0.5)),
                measured("shm-oneshot", 128, around(677.3, 1)), measured("shm-twoshot", 128, around(677.3, 1)),
                measured("shm-oneshot", 1024, around(5100, 10)),
                measured("shm-oneshot", 4096, around(21000, 20)), measured("shm-twoshot", 4096, around(30000, 20))));
    }

    /** PASS, IMPROVED; REGRESSED, PASS beyond the limit but not significant; PASS, NO_BASELINE; INCORRECT, SKIPPED. */
    static RunResult current() {
        return run(environment(XEON), List.of(
                measured("shm-oneshot", 16, around(40.2, 0.1)), measured("shm-twoshot", 16, around(60, 0.5)),
                measured("shm-oneshot", 128, around(812.31, 1)),
                measured("shm-twoshot", 128, 600, 601, 602, 603, 800, 801, 802, 803, 804, 805),
                measured("shm-oneshot", 1024, around(5000, 10)), measured("shm-twoshot", 1024, around(4000, 10)),
                incorrect("shm-oneshot", 4096, around(21000, 20)), skipped("shm-twoshot", 4096, "too large for two-shot")));
    }

    static Baseline baseline() {
        try {
            return new BaselineUpdate(Runs.TEN_PERCENT, Set.of(), null).apply(Optional.empty(), List.of(recorded()), PROVENANCE)
                    .baseline();
        } catch (BaselineUpdateException e) {
            throw new AssertionError(e);
        }
    }

    static GateOutcome outcome(RunResult run) {
        return new Gate(Runs.TEN_PERCENT, false, false).evaluate(run, baseline(), BASELINE_NAME);
    }

    /** The run judged against {@link #baseline()}, as the check goal hands it to every format. */
    static RunReport report(RunResult run) {
        return RunReport.judged(run, outcome(run), Optional.of(baseline()), TOOL_VERSION);
    }

    static Map<String, String> environment(String cpuModel) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java_version", "17.0.12");
        environment.put("os", "Linux 6.8.0");
        environment.put("cpu_model", cpuModel);
        environment.put("cpu_count", "2");
        environment.put("host", "ci-runner-1");
        return environment;
    }

    static RunResult run(Map<String, String> environment, List<PointResult> points) {
        return Runs.run(environment, points);
    }

    static PointResult measured(String communicator, int sequenceLength, double... samples) {
        return Runs.measured(communicator, sequenceLength, samples);
    }

    static PointResult skipped(String communicator, int sequenceLength, String reason) {
        return Runs.skipped(communicator, sequenceLength, reason);
    }

    static PointResult incorrect(String communicator, int sequenceLength, double... samples) {
        return Runs.incorrect(communicator, sequenceLength, samples);
    }

    static double[] around(double median, double step) {
        return Runs.around(median, step);
    }
}

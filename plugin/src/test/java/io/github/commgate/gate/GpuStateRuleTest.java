package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.baselineOf;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome.Decision;
import io.github.commgate.machine.MachineFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GPU state guard, with readings as NVML gives them written into the run's and the baseline's facts. */
class GpuStateRuleTest {

    private static final Gate GATE = new Gate(Runs.TEN_PERCENT, false, false);

    private static Map<String, String> gpu(String smClock, String events, String foreign) {
        Map<String, String> environment = Runs.environment();
        environment.put(MachineFacts.GPU_SM_CLOCK_TARGET_MHZ, smClock);
        environment.put(MachineFacts.GPU_CLOCK_EVENTS, events);
        environment.put(MachineFacts.GPU_FOREIGN_PROCESSES, foreign);
        return environment;
    }

    private static final Baseline COOL_BASELINE = baselineOf(run(gpu("1980", "none", "0"),
            List.of(measured("nccl", 128, around(30.0)))));

    @Test
    void aSlowerPointOnAThrottledGpuIsNotJudgedAndMeasuredAgainWithTheReasonNamed() {
        GateOutcome outcome = GATE.evaluate(run(gpu("1410", "hw_thermal_slowdown", "0"), List.of(
                measured("nccl", 128, around(40.0)))), COOL_BASELINE, "b.json");
        PointVerdict verdict = outcome.points().get(0);
        assertEquals(Verdict.NOT_COMPARABLE, verdict.verdict());
        assertEquals("nccl 2 MiB: median 40.0 us, not compared: over 33.0 us (baseline 30.0 us + 10 %), but the GPU held"
                + " its clocks down (hw_thermal_slowdown); its SM clock was set to 1410 MHz against 1980 MHz during this run,"
                + " unlike when the baseline was recorded", verdict.sentence());
        assertEquals(List.of(verdict), outcome.suspects());
        assertTrue(outcome.hasUnjudgedSuspects());
        assertEquals(Decision.PASS, outcome.decision());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.startsWith("the GPU was slower during this run than when the"
                + " baseline was recorded (the GPU held its clocks down (hw_thermal_slowdown);")), outcome.warnings().toString());
    }

    @Test
    void aForeignProcessOnTheGpuExcusesASlowdownButNotAWrongResultOrAPassingPoint() {
        GateOutcome outcome = GATE.evaluate(run(gpu("1980", "none", "2"), List.of(measured("nccl", 128, around(30.5)))),
                COOL_BASELINE, "b.json");
        assertEquals(Verdict.PASS, outcome.points().get(0).verdict());
    }

    @Test
    void aRegressionOnAGpuInTheBaselinesStateFails() {
        GateOutcome outcome = GATE.evaluate(run(gpu("1975", "none", "0"), List.of(measured("nccl", 128, around(40.0)))),
                COOL_BASELINE, "b.json");
        assertEquals(Verdict.REGRESSED, outcome.points().get(0).verdict());
        assertEquals(Decision.FAIL, outcome.decision());
    }

    @Test
    void aPointIsNotCountedFasterOnlyBecauseTheBaselineWasRecordedOnAThrottledGpu() {
        Baseline hot = baselineOf(run(gpu("1410", "sw_power_cap", "0"), List.of(measured("nccl", 128, around(40.0)))));
        GateOutcome outcome = GATE.evaluate(run(gpu("1980", "none", "0"), List.of(measured("nccl", 128, around(30.0)))),
                hot, "b.json");
        PointVerdict verdict = outcome.points().get(0);
        assertEquals(Verdict.NOT_COMPARABLE, verdict.verdict());
        assertEquals("nccl 2 MiB: median 30.0 us, not compared: faster than its limit of 36.0 us, but when the baseline was"
                + " recorded the GPU held its clocks down (sw_power_cap); its SM clock was set to 1410 MHz against 1980 MHz",
                verdict.sentence());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.startsWith("the baseline was recorded while the GPU held its"
                + " clocks down (sw_power_cap)")), outcome.warnings().toString());
    }
}

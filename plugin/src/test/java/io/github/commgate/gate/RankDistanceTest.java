package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.baselineOf;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankDistanceTest {

    private static final Baseline BASELINE = baselineOf(run(barrier("50"), List.of(
            measured("shm-oneshot", 64, around(100.0)),
            measured("shm-twoshot", 64, around(80.0)))));
    private static final Gate GATE = new Gate(Runs.TEN_PERCENT, false, false);

    private static Map<String, String> barrier(String nanos) {
        Map<String, String> environment = Runs.environment();
        environment.put(MachineFacts.SHM_BARRIER_NS, nanos);
        return environment;
    }

    private static GateOutcome evaluate(String nanos, PointResult... points) {
        return GATE.evaluate(run(barrier(nanos), List.of(points)), BASELINE, "src/commgate/cpu.json");
    }

    @Test
    void aSlowerPointOnRanksPlacedFartherApartIsNotJudgedButNamedMeasuredAgainAndWarnedAbout() {
        GateOutcome outcome = evaluate("220", measured("shm-oneshot", 64, around(101.0)),
                measured("shm-twoshot", 64, around(315.0)));
        PointVerdict twoShot = outcome.points().get(1);
        assertEquals(Verdict.NOT_COMPARABLE, twoShot.verdict());
        assertEquals("shm-twoshot 1 MiB: median 315.0 us, not compared: over 88.0 us (baseline 80.0 us + 10 %), but a"
                + " shared-memory barrier between the ranks took 220 ns, 4.4x the 50 ns of the baseline: the ranks' CPUs"
                + " were farther apart than when the baseline was recorded", twoShot.sentence());
        assertEquals(GateOutcome.Decision.PASS, outcome.decision());
        assertEquals(List.of(twoShot), outcome.suspects());
        assertTrue(outcome.hasUnjudgedSuspects());
        assertEquals(List.of("the ranks' CPUs were farther apart than when the baseline was recorded (a shared-memory"
                + " barrier between the ranks took 220 ns, 4.4x the 50 ns of the baseline; a virtual machine's host moves"
                + " its CPUs): 1 point over its limit was not judged (shm-twoshot 1 MiB); run the gate again, or"
                + " record a baseline if the machine stays so"), outcome.warnings());
    }

    @Test
    void onTheBaselinesPlacementASlowerPointRegressesAsEver() {
        GateOutcome outcome = evaluate("95", measured("shm-twoshot", 64, around(315.0)));
        assertEquals(Verdict.REGRESSED, outcome.points().get(0).verdict());
        assertFalse(outcome.hasUnjudgedSuspects());
        assertEquals(GateOutcome.Decision.FAIL, outcome.decision());
        assertEquals(List.of(), outcome.warnings(), "the barrier time is no 'changed environment' detail");
    }

    @Test
    void onRanksFartherApartASlowdownSmallerThanTheMoveIsStillARegression() {
        GateOutcome outcome = evaluate("220", measured("shm-oneshot", 64, around(150.0)));
        assertEquals(Verdict.REGRESSED, outcome.points().get(0).verdict());
        assertEquals(GateOutcome.Decision.FAIL, outcome.decision());
        assertFalse(outcome.hasUnjudgedSuspects());
    }

    @Test
    void withoutTheBarrierTimeOnEitherSideEveryPointIsJudged() {
        RunResult unprobed = run(Runs.environment(), List.of(measured("shm-twoshot", 64, around(315.0))));
        assertEquals(Verdict.REGRESSED, GATE.evaluate(unprobed, BASELINE, "b.json").points().get(0).verdict());
    }

    @Test
    void farApartRanksThatPassAnywayPassWithAWarning() {
        GateOutcome outcome = evaluate("400", measured("shm-oneshot", 64, around(100.5)));
        assertEquals(Verdict.PASS, outcome.points().get(0).verdict());
        assertTrue(outcome.warnings().get(0).endsWith("no point was left unjudged for it"), outcome.warnings().get(0));
    }

    @Test
    void aPointMuchFasterOnRanksNearerThanTheBaselinesDoesNotCountAsImprovedAndTheRunSaysSo() {
        GateOutcome outcome = evaluate("11", measured("shm-oneshot", 64, around(99.0)),
                measured("shm-twoshot", 64, around(25.0)));
        assertEquals(Verdict.PASS, outcome.points().get(0).verdict());
        PointVerdict twoShot = outcome.points().get(1);
        assertEquals(Verdict.NOT_COMPARABLE, twoShot.verdict());
        assertEquals("shm-twoshot 1 MiB: median 25.0 us, not compared: faster than its limit of 72.0 us, but a"
                + " shared-memory barrier between the ranks took 11 ns, 0.2x the 50 ns of the baseline: the ranks' CPUs"
                + " were nearer than when the baseline was recorded", twoShot.sentence());
        assertFalse(outcome.hasUnjudgedSuspects(), "a faster point is no suspect to measure again");
        assertEquals(List.of("the baseline was recorded with the ranks' CPUs farther apart than in this run (a shared-memory"
                + " barrier between the ranks took 11 ns, 0.2x the 50 ns of the baseline), so a point much faster for it"
                + " does not count as improved and its regression may hide: record the baseline again where the ranks"
                + " sit near"), outcome.warnings());
    }

    @Test
    void onRanksNearerThanTheBaselinesARegressionOfAnAlgorithmThatStaysPutStillFails() {
        GateOutcome outcome = evaluate("11", measured("shm-oneshot", 64, around(120.0)),
                measured("shm-twoshot", 64, around(25.0)));
        assertEquals(Verdict.REGRESSED, outcome.points().get(0).verdict());
        assertEquals(GateOutcome.Decision.FAIL, outcome.decision());
    }

    @Test
    void aBaselineIsPooledOnlyFromTheRunsOnTheNearestPlacement() {
        RunResult near = run(barrier("48"), List.of());
        RunResult far = run(barrier("203"), List.of());
        RunResult nearToo = run(barrier("77"), List.of());
        assertEquals(List.of(near, nearToo), RankDistance.nearestPlacement(List.of(near, far, nearToo)));
        RunResult unprobed = run(Runs.environment(), List.of());
        assertEquals(List.of(unprobed, unprobed), RankDistance.nearestPlacement(List.of(unprobed, unprobed)));
    }

    @Test
    void suspectsAreJudgedAgainOnTheMachineAsTheConfirmationFoundIt() {
        RunResult first = run(barrier("220"), List.of(measured("shm-twoshot", 64, around(315.0))));
        GateOutcome suspicious = GATE.evaluate(first, BASELINE, "b.json");
        RunResult again = run(barrier("55"), List.of(measured("shm-twoshot", 64, around(80.5))));
        RunResult merged = Confirmation.replacePoints(first, again, suspicious.suspects());
        assertEquals("55", merged.environment().get(MachineFacts.SHM_BARRIER_NS));
        assertEquals(Verdict.PASS, GATE.evaluate(merged, BASELINE, "b.json").points().get(0).verdict());
    }
}

package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.baselineOf;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static io.github.commgate.gate.Runs.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome.Decision;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    private static final Baseline BASELINE = baselineOf(run(List.of(
            measured("shm-oneshot", 16, around(40)), measured("shm-twoshot", 16, around(60)),
            measured("shm-oneshot", 128, around(677.3)), measured("shm-twoshot", 128, around(700)))));
    private static final Gate GATE = new Gate(Thresholds.defaults(), false);
    private static final RunResult FIRST = run(List.of(
            measured("shm-oneshot", 16, around(40)), measured("shm-twoshot", 16, around(60)),
            measured("shm-oneshot", 128, around(812.31)), measured("shm-twoshot", 128, around(700))));

    @Test
    void theConfirmationPlanMeasuresOnlyTheSuspectsCommunicatorsAndSizes() {
        List<PointVerdict> suspects = GATE.evaluate(FIRST, BASELINE, "b.json").suspects();
        BenchmarkPlan plan = Confirmation.planFor(FIRST.plan(), suspects);
        assertEquals(List.of("shm-oneshot"), plan.communicators());
        assertEquals(List.of(128), plan.sequenceLengths());
        assertEquals(FIRST.plan().trials(), plan.trials());
        assertThrows(IllegalArgumentException.class, () -> Confirmation.planFor(FIRST.plan(), List.of()));
    }

    @Test
    void aSuspectThatDoesNotRegressAgainPasses() {
        List<PointVerdict> suspects = GATE.evaluate(FIRST, BASELINE, "b.json").suspects();
        RunResult again = run(List.of(measured("shm-oneshot", 128, around(690))));
        RunResult merged = Confirmation.replacePoints(FIRST, again, suspects);
        assertEquals(FIRST.points().get(0), merged.points().get(0));
        assertEquals(again.points().get(0), merged.points().get(2));
        assertEquals(Decision.PASS, GATE.evaluate(merged, BASELINE, "b.json").decision());
    }

    @Test
    void aSuspectThatRegressesAgainFails() {
        List<PointVerdict> suspects = GATE.evaluate(FIRST, BASELINE, "b.json").suspects();
        RunResult again = run(List.of(measured("shm-oneshot", 128, around(811))));
        GateOutcome confirmed = GATE.evaluate(Confirmation.replacePoints(FIRST, again, suspects), BASELINE, "b.json");
        assertEquals(Decision.FAIL, confirmed.decision());
        assertEquals(List.of("shm-oneshot 2.00 MiB: median 811.0 us, but expected at most 745.0 us (baseline 677.3 us + 10 %)"),
                confirmed.violations());
    }

    @Test
    void aConfirmationThatSkipsTheSuspectCannotHideTheRegression() {
        List<PointVerdict> suspects = GATE.evaluate(FIRST, BASELINE, "b.json").suspects();
        RunResult again = run(List.of(skipped("shm-oneshot", 128, "flaky")));
        RunResult merged = Confirmation.replacePoints(FIRST, again, suspects);
        assertSame(FIRST.points().get(2), merged.points().get(2));
        assertEquals(Decision.FAIL, GATE.evaluate(merged, BASELINE, "b.json").decision());
    }

    @Test
    void onlySuspectsAreReplacedEvenWhenTheConfirmationMeasuredMore() {
        List<PointVerdict> suspects = GATE.evaluate(FIRST, BASELINE, "b.json").suspects();
        RunResult again = run(List.of(measured("shm-oneshot", 128, around(690)), measured("shm-twoshot", 128, around(900))));
        RunResult merged = Confirmation.replacePoints(FIRST, again, suspects);
        assertSame(FIRST.points().get(3), merged.points().get(3));
    }
}

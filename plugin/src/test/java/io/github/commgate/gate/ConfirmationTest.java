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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    private static final Baseline BASELINE = baselineOf(run(List.of(
            measured("shm-oneshot", 16, around(40)), measured("shm-twoshot", 16, around(60)),
            measured("shm-oneshot", 128, around(677.3)), measured("shm-twoshot", 128, around(700)))));
    private static final Gate GATE = new Gate(Runs.TEN_PERCENT, false, false);
    private static final RunResult FIRST = run(List.of(
            measured("shm-oneshot", 16, around(40)), measured("shm-twoshot", 16, around(60)),
            measured("shm-oneshot", 128, around(812.31)), measured("shm-twoshot", 128, around(700))));

    @Test
    void theConfirmationPlanMeasuresOnlyTheSuspectsCommunicatorsAndSizes() {
        List<PointVerdict> suspects = GATE.evaluate(FIRST, BASELINE, "b.json").suspects();
        BenchmarkPlan plan = Confirmation.planFor(FIRST.plan(), suspects);
        assertEquals(List.of("shm-oneshot"), plan.communicators());
        assertEquals(List.of(128), plan.sequenceLengths());
        assertEquals(FIRST.plan().protocol(), plan.protocol());
        assertThrows(IllegalArgumentException.class, () -> Confirmation.planFor(FIRST.plan(), List.of()));
    }

    @Test
    void measuringAgainKeepsTheKernelSizeLimitAndEveryOtherSetting() {
        // A custom-oneshot point at 16 MiB under customAllReduceMaxSize=32 MiB must be measured
        // again, not skipped because the confirmation fell back to the 8 MiB default.
        RunResult first = new RunResult(FIRST.plan().toBuilder().customMaxBytes(32L << 20).protocol(2, 7, 3).build(),
                FIRST.environment(), FIRST.startedAt(), 1, 2, FIRST.points());
        List<PointVerdict> suspects = GATE.evaluate(first, BASELINE, "b.json").suspects();
        assertEquals(first.plan().toBuilder().communicators("shm-oneshot").sequenceLengths(128).build(),
                Confirmation.planFor(first.plan(), suspects));
    }

    @Test
    void theSuspectsAreMeasuredAgainThroughTheCallbackAndJudgedOnTheNewMeasurement() {
        List<String> said = new ArrayList<>();
        List<BenchmarkPlan> asked = new ArrayList<>();
        Confirmation.Judged judged = new Confirmation(GATE, 1).judge(FIRST, Optional.of(BASELINE), "b.json", plan -> {
            asked.add(plan);
            return run(List.of(measured("shm-oneshot", 128, around(690))));
        }, said::add);
        assertEquals(List.of(List.of("shm-oneshot")), asked.stream().map(BenchmarkPlan::communicators).toList());
        assertEquals(List.of("measuring 1 suspect point again (1 of 1)"), said);
        assertEquals(Decision.PASS, judged.outcome().decision());
        assertEquals(690, judged.run().point("shm-oneshot", 128).orElseThrow().medianMicros(), 1e-9);
    }

    @Test
    void withoutConfirmationRunsTheFirstMeasurementIsJudgedAlone() {
        Confirmation.Judged judged = new Confirmation(GATE, 0).judge(FIRST, Optional.of(BASELINE), "b.json",
                plan -> {
                    throw new AssertionError("nothing is measured again");
                }, line -> {
                    throw new AssertionError(line);
                });
        assertEquals(Decision.FAIL, judged.outcome().decision());
        assertSame(FIRST, judged.run());
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

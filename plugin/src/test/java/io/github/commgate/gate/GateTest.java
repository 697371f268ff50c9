package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.baselineOf;
import static io.github.commgate.gate.Runs.incorrect;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static io.github.commgate.gate.Runs.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.GateOutcome.Decision;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RankPointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.stats.MannWhitneyU;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final Baseline BASELINE = baselineOf(run(List.of(
            measured("shm-oneshot", 128, around(677.3)),
            measured("shm-twoshot", 128, around(677.3)),
            measured("shm-oneshot", 16, around(3.0, 0.01)))));
    private static final Gate GATE = new Gate(Runs.TEN_PERCENT, false, false);

    private static GateOutcome evaluate(PointResult... points) {
        return GATE.evaluate(run(List.of(points)), BASELINE, "src/commgate/cpu.json");
    }

    private static PointVerdict only(PointResult point) {
        return evaluate(point).points().get(0);
    }

    @Test
    void aSignificantSlowdownBeyondTheThresholdRegressesWithTheSentenceRoundedTowardFailing() {
        PointVerdict verdict = only(measured("shm-oneshot", 128, around(812.31)));
        assertEquals(Verdict.REGRESSED, verdict.verdict());
        assertEquals("shm-oneshot 2.00 MiB: median 812.4 us, but expected at most 745.0 us (baseline 677.3 us + 10 %)",
                verdict.sentence());
        assertEquals(677.3, verdict.baselineMedianMicros(), 1e-9);
        assertEquals(745.03, verdict.limitMicros(), 1e-9);
        assertEquals(19.934, verdict.deltaPercent(), 1e-3);
        assertEquals(MannWhitneyU.smallestP(10, 10), verdict.pValue(), 1e-15);
    }

    @Test
    void aSlowdownWithinTheThresholdPasses() {
        PointVerdict verdict = only(measured("shm-oneshot", 128, around(700)));
        assertEquals(Verdict.PASS, verdict.verdict());
        assertFalse(verdict.notSignificant());
        assertEquals("shm-oneshot 2.00 MiB: median 700.0 us, within 745.0 us (baseline 677.3 us + 10 %)", verdict.sentence());
    }

    @Test
    void aSlowdownBeyondTheThresholdThatIsNotSignificantPassesMarkedAsSuch() {
        PointVerdict verdict = only(measured("shm-oneshot", 128, 600, 601, 602, 603, 800, 801, 802, 803, 804, 805));
        assertEquals(Verdict.PASS, verdict.verdict());
        assertTrue(verdict.notSignificant());
        assertEquals("shm-oneshot 2.00 MiB: median 800.5 us is over 745.0 us (baseline 677.3 us + 10 %), but not"
                + " significantly (p = 0.241)", verdict.sentence());
        assertEquals(0.24062547359760988, verdict.pValue(), 1e-12); // scipy.stats.mannwhitneyu, method="exact"
    }

    @Test
    void aSignificantSpeedupBeyondTheThresholdIsAnImprovement() {
        PointVerdict verdict = only(measured("shm-oneshot", 128, around(500)));
        assertEquals(Verdict.IMPROVED, verdict.verdict());
        assertEquals("shm-oneshot 2.00 MiB: median 500.0 us, 26.2 % faster than the baseline 677.3 us (p < 0.001);"
                + " update the baseline to keep the gain", verdict.sentence());
    }

    @Test
    void aSlowdownSmallerThanTheFloorNeverFailsHoweverLargeItsPercentage() {
        PointVerdict verdict = only(measured("shm-oneshot", 16, around(3.8, 0.01)));
        assertEquals(Verdict.PASS, verdict.verdict());
        assertEquals("shm-oneshot 0.25 MiB: median 3.8 us, within 4.0 us (baseline 3.0 us + 1.0 us floor)", verdict.sentence());
    }

    @Test
    void aSlowdownBeyondTheFloorRegressesAndTheSentenceNamesTheFloor() {
        PointVerdict verdict = only(measured("shm-oneshot", 16, around(4.2, 0.01)));
        assertEquals(Verdict.REGRESSED, verdict.verdict());
        assertEquals("shm-oneshot 0.25 MiB: median 4.2 us, but expected at most 4.0 us (baseline 3.0 us + 1.0 us floor)",
                verdict.sentence());
    }

    @Test
    void aPerCommunicatorThresholdOverridesTheDefault() {
        Gate lenient = new Gate(new Thresholds(10, Map.of("shm-twoshot", 25.0), 1.0, 0.01), false, false);
        GateOutcome outcome = lenient.evaluate(run(List.of(measured("shm-oneshot", 128, around(812.31)),
                measured("shm-twoshot", 128, around(812.31)))), BASELINE, "cpu.json");
        assertEquals(Verdict.REGRESSED, outcome.points().get(0).verdict());
        assertEquals(Verdict.PASS, outcome.points().get(1).verdict());
        assertEquals("shm-twoshot 2.00 MiB: median 812.3 us, within 846.6 us (baseline 677.3 us + 25 %)",
                outcome.points().get(1).sentence());
    }

    @Test
    void aWrongResultIsIncorrectNeverATimingAndFailsTheBuild() {
        GateOutcome outcome = evaluate(incorrect("shm-oneshot", 128, around(500)), measured("shm-twoshot", 128, around(677)));
        assertEquals(Decision.FAIL, outcome.decision());
        PointVerdict verdict = outcome.points().get(0);
        assertEquals(Verdict.INCORRECT, verdict.verdict());
        assertTrue(Double.isNaN(verdict.currentMedianMicros()));
        assertEquals(List.of("shm-oneshot 2.00 MiB: the result differed from the exact sum (rank 1: 3 wrong elements,"
                + " first element 17: 2.0 instead of 3.0)"), outcome.violations());
    }

    @Test
    void skippedAndUnrecordedPointsSayWhy() {
        GateOutcome outcome = evaluate(skipped("shm-twoshot", 16, "needs 4 ranks"), measured("shm-twoshot", 512, around(9)),
                measured("shm-oneshot", 128, around(677)));
        assertEquals(Verdict.SKIPPED, outcome.points().get(0).verdict());
        assertEquals("shm-twoshot 0.25 MiB: skipped: needs 4 ranks", outcome.points().get(0).sentence());
        assertEquals(Verdict.NO_BASELINE, outcome.points().get(1).verdict());
        assertEquals("shm-twoshot 8.00 MiB: median 9.0 us, no baseline entry to compare with", outcome.points().get(1).sentence());
        assertEquals(Decision.PASS, outcome.decision());
        assertEquals("3 points, 1 compared: 1 pass, 1 no baseline, 1 skipped", outcome.headline());
        assertEquals(List.of("1 of the 2 measured points have no baseline entry (shm-twoshot 8.00 MiB), so they were not compared; record them with update-baseline"),
                outcome.warnings());
    }

    @Test
    void aPointWithoutSamplesIsAnErrorNotARegression() {
        PointResult empty = PointResult.combine(List.of(
                new RankPointResult(0, "shm-oneshot", 128, 0, null, new double[0], 0, ""),
                new RankPointResult(1, "shm-oneshot", 128, 0, null, new double[0], 0, "")), Runs.HIDDEN, Runs.bytes(128));
        GateOutcome outcome = evaluate(empty);
        assertEquals(Verdict.ERROR, outcome.points().get(0).verdict());
        assertEquals(Decision.ERROR, outcome.decision());
        assertEquals(List.of("shm-oneshot 2.00 MiB: measured, but no samples came back"), outcome.errors());
        assertEquals(List.of(), outcome.violations());
    }

    @Test
    void theBuildFailsOnceWithEveryViolationInTheRunsOrder() {
        GateOutcome outcome = evaluate(measured("shm-oneshot", 16, around(4.2, 0.01)), skipped("shm-twoshot", 16, "no"),
                measured("shm-oneshot", 128, around(812.31)), measured("shm-twoshot", 128, around(677)));
        assertEquals(Decision.FAIL, outcome.decision());
        assertEquals("2 of 4 points failed, 3 compared: 1 pass, 2 regressed, 1 skipped", outcome.headline());
        assertEquals(2, outcome.violations().size());
        assertTrue(outcome.violations().get(0).startsWith("shm-oneshot 0.25 MiB: median 4.2 us"));
        assertTrue(outcome.violations().get(1).startsWith("shm-oneshot 2.00 MiB: median 812.4 us"));
        assertEquals(List.of("shm-oneshot 0.25 MiB", "shm-oneshot 2.00 MiB"),
                outcome.suspects().stream().map(PointVerdict::label).toList());
    }

    @Test
    void aRunThatMeasuredNothingNeverPasses() {
        GateOutcome skippedOnly = evaluate(skipped("shm-oneshot", 128, "a"), skipped("shm-twoshot", 128, "b"));
        assertEquals(Decision.FAIL, skippedOnly.decision());
        assertEquals(List.of("nothing was measured: all 2 points were skipped"), skippedOnly.violations());
        GateOutcome empty = GATE.evaluate(run(List.of()), BASELINE, "cpu.json");
        assertEquals(Decision.FAIL, empty.decision());
        assertEquals("nothing was measured: the run has no points", empty.headline());
        assertEquals(Decision.FAIL, GATE.evaluate(run(List.of()), "cpu.json").decision());
    }

    @Test
    void withoutABaselineNothingIsComparedButTheGateSaysSo() {
        GateOutcome outcome = GATE.evaluate(run(List.of(measured("shm-oneshot", 128, around(900)))), "src/commgate/x.json");
        assertEquals(Decision.PASS, outcome.decision());
        assertEquals(Verdict.NO_BASELINE, outcome.points().get(0).verdict());
        assertEquals(List.of("no baseline src/commgate/x.json for this environment (cpu backend on 2 CPUs (Intel(R) Xeon(R)"
                + " Platinum 8481C CPU @ 2.70GHz), world size 2, bf16, hidden size 8192); nothing was compared: record one"
                + " with update-baseline"), outcome.warnings());
    }

    @Test
    void aBaselineFromAnotherEnvironmentIsNotComparedUnlessAllowed() {
        Map<String, String> epyc = new java.util.HashMap<>(Runs.environment());
        epyc.put("cpu_model", "AMD EPYC 7B13");
        Baseline other = baselineOf(run(epyc, List.of(measured("shm-oneshot", 128, around(677.3)))));
        RunResult slower = run(List.of(measured("shm-oneshot", 128, around(812.31))));
        GateOutcome refused = GATE.evaluate(slower, other, "b.json");
        assertEquals(Decision.NOT_COMPARABLE, refused.decision());
        assertEquals(Verdict.NOT_COMPARABLE, refused.points().get(0).verdict());
        assertEquals("baseline b.json was recorded on cpu backend on 2 CPUs (AMD EPYC 7B13), world size 2, bf16, hidden size"
                + " 8192, this run is cpu backend on 2 CPUs (Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz), world size 2,"
                + " bf16, hidden size 8192", refused.headline());
        assertEquals(List.of(), refused.violations());
        GateOutcome allowed = new Gate(Runs.TEN_PERCENT, true, false).evaluate(slower, other, "b.json");
        assertEquals(Decision.FAIL, allowed.decision());
        assertTrue(allowed.environment().sentence().endsWith("; compared anyway, as allowed"));
    }

    @Test
    void aChangedDriverOrJvmIsReportedButDoesNotPreventTheComparison() {
        Map<String, String> newer = new java.util.HashMap<>(Runs.environment());
        newer.put("java_version", "21.0.4");
        newer.put("host", "ci-runner-2");
        GateOutcome outcome = GATE.evaluate(run(newer, List.of(measured("shm-oneshot", 128, around(677)))), BASELINE, "b.json");
        assertEquals(Decision.PASS, outcome.decision());
        assertEquals(List.of("the environment changed since the baseline was recorded: java_version: 17.0.12 in the"
                + " baseline, 21.0.4 now; host: ci-runner-1 in the baseline, ci-runner-2 now"), outcome.warnings());
    }

    @Test
    void tooFewTrialsForAnySignificanceAreCalledOut() {
        Baseline three = baselineOf(run(List.of(measured("shm-oneshot", 128, 677, 678, 679))));
        GateOutcome outcome = GATE.evaluate(run(List.of(measured("shm-oneshot", 128, 900, 901, 902))), three, "b.json");
        assertEquals(Verdict.PASS, outcome.points().get(0).verdict());
        assertTrue(outcome.points().get(0).notSignificant());
        assertEquals(List.of("with 3 samples in this run and 3 in the baseline no difference can be significant at alpha"
                + " 0.01 (the smallest possible p is 0.050), so no point can regress; use more trials"), outcome.warnings());
    }

    @Test
    void whenABaselineIsRequiredARunInWhichNothingWasComparedFails() {
        RunResult other = run(List.of(measured("shm-oneshot", 512, around(3000))));
        GateOutcome required = new Gate(Runs.TEN_PERCENT, false, true).evaluate(other, BASELINE, "b.json");
        assertEquals(Decision.FAIL, required.decision());
        assertEquals("no point was compared (baseline b.json has none of the measured points) and a baseline is required:"
                + " 1 point, 0 compared: 1 no baseline", required.headline());
        assertTrue(required.baselineCoversNothing());
        assertEquals(Decision.PASS, GATE.evaluate(other, BASELINE, "b.json").decision());
        GateOutcome missing = new Gate(Runs.TEN_PERCENT, false, true).evaluate(other, "b.json");
        assertEquals(Decision.FAIL, missing.decision());
        assertTrue(missing.headline().startsWith("no point was compared (no baseline b.json for this environment ("),
                missing.headline());
    }

    @Test
    void aBaselineWithoutPerRunMediansIsJudgedByTheFixedRuleAndSaysSoOnce() {
        GateOutcome outcome = new Gate(io.github.commgate.plan.Thresholds.defaults(), false, false)
                .evaluate(run(List.of(measured("shm-oneshot", 128, around(812.31)), measured("shm-twoshot", 128,
                        around(700)))), BASELINE, "b.json");
        assertEquals("shm-oneshot 2.00 MiB: median 812.4 us, but expected at most 745.0 us (baseline 677.3 us + 10 %, the"
                + " fixed rule of a baseline without per-run medians)", outcome.violations().get(0));
        assertEquals(1, outcome.warnings().stream().filter(w -> w.contains("has no per-run medians")).count());
    }
}

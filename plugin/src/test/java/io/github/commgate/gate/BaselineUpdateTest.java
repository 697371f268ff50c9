package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.PROVENANCE;
import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.baselineOf;
import static io.github.commgate.gate.Runs.incorrect;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static io.github.commgate.gate.Runs.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselinePoint;
import io.github.commgate.result.RunResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineUpdateTest {

    private static final Baseline OLD = baselineOf(run(List.of(
            measured("shm-oneshot", 16, around(41)), measured("shm-oneshot", 128, around(677.3)),
            measured("shm-twoshot", 128, around(700)))));

    private static BaselineUpdate.Result update(Set<String> communicators, String reason, RunResult run)
            throws BaselineUpdateException {
        return new BaselineUpdate(Runs.TEN_PERCENT, communicators, reason).apply(Optional.of(OLD), List.of(run), PROVENANCE);
    }

    private static double median(Baseline baseline, String communicator, int sequenceLength) {
        return baseline.point(communicator, sequenceLength).orElseThrow().medianMicros();
    }

    @Test
    void aFirstRecordingAddsEveryCorrectlyMeasuredPointAndNothingElse() throws BaselineUpdateException {
        BaselineUpdate.Result result = new BaselineUpdate(Runs.TEN_PERCENT, Set.of(), null).apply(Optional.empty(),
                List.of(run(List.of(measured("shm-oneshot", 128, around(677.3)), skipped("shm-twoshot", 128, "needs 4 ranks"),
                        incorrect("shm-oneshot", 512, around(3000))))), PROVENANCE);
        assertEquals(List.of("shm-oneshot 2.00 MiB: added at 677.3 us",
                "shm-twoshot 2.00 MiB: not recorded (skipped in this run: needs 4 ranks)",
                "shm-oneshot 8.00 MiB: not recorded (this run's result was incorrect)"), result.changes());
        assertEquals(1, result.baseline().points().size());
        assertEquals("ci-runner-1", result.baseline().host());
        assertEquals(null, result.baseline().environment().get("host"));
        assertNull(result.baseline().reason());
    }

    @Test
    void changesKeepTheOldNumberBesideTheNew() throws BaselineUpdateException {
        BaselineUpdate.Result result = update(Set.of(), null, run(List.of(measured("shm-oneshot", 128, around(702.1)),
                measured("shm-twoshot", 128, around(650)))));
        assertEquals(List.of("shm-oneshot 2.00 MiB: 677.3 us -> 702.1 us (+3.7 %)",
                "shm-twoshot 2.00 MiB: 700.0 us -> 650.0 us (-7.1 %)",
                "shm-oneshot 0.25 MiB: kept 41.0 us (not measured in this run)"), result.changes());
        assertEquals(41.0, median(result.baseline(), "shm-oneshot", 16));
        assertEquals(702.1, median(result.baseline(), "shm-oneshot", 128), 1e-9);
    }

    @Test
    void onlySelectedCommunicatorsChange() throws BaselineUpdateException {
        BaselineUpdate.Result result = update(Set.of("shm-twoshot"), null, run(List.of(
                measured("shm-oneshot", 128, around(600)), measured("shm-twoshot", 128, around(690)))));
        assertEquals(List.of("shm-twoshot 2.00 MiB: 700.0 us -> 690.0 us (-1.4 %)"), result.changes());
        assertEquals(677.3, median(result.baseline(), "shm-oneshot", 128), 1e-9);
        assertEquals(OLD.point("shm-oneshot", 16), result.baseline().point("shm-oneshot", 16));
    }

    @Test
    void makingAPointSlowerBeyondTheThresholdNeedsAReason() {
        RunResult slower = run(List.of(measured("shm-oneshot", 128, around(812.4)), measured("shm-twoshot", 128, around(720))));
        BaselineUpdateException e = assertThrows(BaselineUpdateException.class, () -> update(Set.of(), "  ", slower));
        assertEquals(List.of("shm-oneshot 2.00 MiB: 677.3 us -> 812.4 us (+19.9 %), over the limit of 745.0 us"), e.details());
        assertEquals("refusing to make the baseline slower beyond the threshold without a reason; give one to record these"
                + " points:" + System.lineSeparator() + "  shm-oneshot 2.00 MiB: 677.3 us -> 812.4 us (+19.9 %), over the"
                + " limit of 745.0 us", e.getMessage());
    }

    @Test
    void withAReasonTheSlowerNumbersAreRecordedAndTheReasonWithThem() throws BaselineUpdateException {
        RunResult slower = run(List.of(measured("shm-oneshot", 128, around(812.4))));
        BaselineUpdate.Result result = update(Set.of(), "driver 560 regressed small messages; tracked in #42", slower);
        assertEquals(812.4, median(result.baseline(), "shm-oneshot", 128), 1e-9);
        assertEquals("driver 560 regressed small messages; tracked in #42", result.baseline().reason());
    }

    @Test
    void twoUpdatesOfDifferentPointsKeepBothReasonsAndALaterRecordingWithinTheLimitDropsOne() throws Exception {
        Baseline first = update(Set.of("shm-oneshot"), "the NIC firmware changed",
                run(List.of(measured("shm-oneshot", 128, around(812.4))))).baseline();
        Baseline second = new BaselineUpdate(Runs.TEN_PERCENT, Set.of("shm-twoshot"), "pinned to fewer cores")
                .apply(Optional.of(first), List.of(run(List.of(measured("shm-twoshot", 128, around(900))))), PROVENANCE)
                .baseline();
        assertEquals("the NIC firmware changed", second.point("shm-oneshot", 128).orElseThrow().reason());
        assertEquals("pinned to fewer cores", second.point("shm-twoshot", 128).orElseThrow().reason());
        assertEquals("the NIC firmware changed; pinned to fewer cores", second.reason());
        Baseline third = new BaselineUpdate(Runs.TEN_PERCENT, Set.of("shm-oneshot"), null)
                .apply(Optional.of(second), List.of(run(List.of(measured("shm-oneshot", 128, around(800))))), PROVENANCE)
                .baseline();
        assertNull(third.point("shm-oneshot", 128).orElseThrow().reason());
        assertEquals("pinned to fewer cores", third.reason());
    }

    @Test
    void eachRecordingRunsMedianIsKeptBesideThePooledSamples() throws Exception {
        Baseline baseline = new BaselineUpdate(Runs.TEN_PERCENT, Set.of(), null).apply(Optional.empty(), List.of(
                run(List.of(measured("shm-oneshot", 16, around(40)))), run(List.of(measured("shm-oneshot", 16, around(41))))),
                PROVENANCE).baseline();
        BaselinePoint point = baseline.point("shm-oneshot", 16).orElseThrow();
        assertEquals(List.of(40.0, 41.0), point.runMediansMicros());
        assertEquals(20, point.samplesMicros().size());
    }

    @Test
    void incorrectOrSkippedPointsKeepTheirOldNumbers() throws BaselineUpdateException {
        BaselineUpdate.Result result = update(Set.of(), null, run(List.of(incorrect("shm-oneshot", 128, around(100)),
                skipped("shm-twoshot", 128, "library too old"), measured("shm-oneshot", 16, around(40)))));
        assertEquals(List.of("shm-oneshot 2.00 MiB: kept 677.3 us (this run's result was incorrect)",
                "shm-twoshot 2.00 MiB: kept 700.0 us (skipped in this run: library too old)",
                "shm-oneshot 0.25 MiB: 41.0 us -> 40.0 us (-2.4 %)"), result.changes());
        assertEquals(677.3, median(result.baseline(), "shm-oneshot", 128), 1e-9);
    }

    @Test
    void selectingACommunicatorTheRunDidNotMeasureIsRefused() {
        BaselineUpdateException e = assertThrows(BaselineUpdateException.class, () -> update(Set.of("nccl", "shm-one"), null,
                run(List.of(measured("shm-oneshot", 128, around(677))))));
        assertEquals("cannot update nccl, shm-one: not measured in this run; measured: shm-oneshot", e.getMessage());
    }

    @Test
    void aBaselineOfAnotherEnvironmentIsNotMergedInto() {
        Map<String, String> environment = new HashMap<>(Runs.environment());
        environment.put("cpu_count", "4");
        BaselineUpdateException e = assertThrows(BaselineUpdateException.class, () -> update(Set.of(), null,
                run(environment, List.of(measured("shm-oneshot", 128, around(677))))));
        assertEquals("the existing baseline was recorded on cpu backend on 2 CPUs (Intel(R) Xeon(R) Platinum 8481C CPU @"
                + " 2.70GHz), world size 2, bf16, hidden size 8192, this run is cpu backend on 4 CPUs (Intel(R) Xeon(R)"
                + " Platinum 8481C CPU @ 2.70GHz), world size 2, bf16, hidden size 8192; move that file away to record a"
                + " new baseline", e.getMessage());
    }

    @Test
    void aRunWithNothingToRecordWritesNoEmptyBaseline() {
        BaselineUpdateException e = assertThrows(BaselineUpdateException.class, () -> new BaselineUpdate(
                Runs.TEN_PERCENT, Set.of(), null).apply(Optional.empty(),
                List.of(run(List.of(skipped("shm-oneshot", 128, "no")))), PROVENANCE));
        assertEquals(List.of("shm-oneshot 2.00 MiB: not recorded (skipped in this run: no)"), e.details());
    }
}

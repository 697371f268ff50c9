package io.github.commgate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.gate.Runs;
import io.github.commgate.plan.BenchmarkPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimelineTest {

    private static final long SECOND = 1_000_000_000L;
    private static final BenchmarkPlan PLAN = Runs.run(List.of(
            Runs.measured("shm-oneshot", 16, 40), Runs.skipped("shm-twoshot", 16, "no"),
            Runs.measured("shm-oneshot", 128, 40), Runs.measured("shm-twoshot", 128, 40))).plan();

    @Test
    void aPointsWallTimeRunsFromTheEndOfThePointBeforeAndTheFirstsFromWhenItBegan() {
        RunTimeline timeline = new RunTimeline(PLAN, 5 * SECOND);
        timeline.completed(Runs.measured("shm-oneshot", 16, 40), 9 * SECOND);
        timeline.completed(Runs.skipped("shm-twoshot", 16, "no"), 9 * SECOND + SECOND / 100);
        timeline.firstPointStarted(3.0);
        assertEquals(1.0, timeline.wallSeconds(0), 1e-9);
        assertEquals(0.01, timeline.wallSeconds(1), 1e-9);
    }

    @Test
    void aLargerPointScalesOnlyTheTimedAllReducesOfTheNearestMeasuredOne() {
        RunTimeline timeline = new RunTimeline(PLAN, 0);
        assertTrue(timeline.remainingSeconds().isEmpty(), "nothing measured, nothing to guess from");
        timeline.ranksConnected(SECOND);
        // (5 warm-ups + 10 trials) x 10 cycles at 10 ms: 1.5 s of the point's 2 s were its all-reduces.
        timeline.completed(Runs.measured("shm-oneshot", 16, 10_000, 10_000), 3 * SECOND);
        assertEquals(0.5 + 8 * 1.5, timeline.guessSeconds(2).getAsDouble(), 1e-9, "8 times the bytes, 8 times the all-reduces");
        assertEquals(0.5 + 8 * 1.5, timeline.guessSeconds(3).getAsDouble(), 1e-9, "no shm-twoshot met yet: shm-oneshot's");
        assertTrue(timeline.remainingSeconds().isEmpty(), "shm-twoshot not met yet: the rest is not summed from another's time");
        assertEquals("shm-twoshot", timeline.running().communicator());
    }

    @Test
    void aPointWhoseAllReducesWereAMomentOfItsWallTimeIsGuessedNearlyAsItTook() {
        RunTimeline timeline = new RunTimeline(PLAN, 0);
        timeline.ranksConnected(SECOND);
        // 150 all-reduces of 2 us: 0.3 ms of a 0.2 s point (a GPU's graph capture and check).
        timeline.completed(Runs.measured("shm-oneshot", 16, 2, 2), SECOND + SECOND / 5);
        assertEquals(0.2 - 0.0003 + 8 * 0.0003, timeline.guessSeconds(2).getAsDouble(), 1e-9);
    }

    @Test
    void aCommunicatorThatSkippedEveryPointSoFarIsGuessedToTakeNoTime() {
        RunTimeline timeline = new RunTimeline(PLAN, 0);
        timeline.ranksConnected(SECOND);
        timeline.completed(Runs.measured("shm-oneshot", 16, 10_000, 10_000), 3 * SECOND);
        timeline.completed(Runs.skipped("shm-twoshot", 16, "no"), 3 * SECOND);
        assertEquals(0.0, timeline.guessSeconds(3).getAsDouble(), 1e-9, "shm-twoshot skipped all it met");
        assertEquals(0.5 + 8 * 1.5, timeline.remainingSeconds().getAsDouble(), 1e-9, "only shm-oneshot 2 MiB is left to take time");
        assertEquals("shm-oneshot", timeline.running().communicator());
    }
}

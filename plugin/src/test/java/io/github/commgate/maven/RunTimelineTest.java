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
    void aLargerPointIsGuessedFromTheNearestMeasuredOneScaledByItsBytesAndSkippedOnesGuessNothing() {
        RunTimeline timeline = new RunTimeline(PLAN, 0);
        assertTrue(timeline.remainingSeconds().isEmpty(), "nothing measured, nothing to guess from");
        timeline.ranksConnected(SECOND);
        timeline.completed(Runs.measured("shm-oneshot", 16, 40), 3 * SECOND);
        timeline.completed(Runs.skipped("shm-twoshot", 16, "no"), 3 * SECOND);
        assertEquals(16.0, timeline.guessSeconds(2).getAsDouble(), 1e-9, "2 s at 256 KiB, 8 times the bytes");
        assertEquals(16.0, timeline.guessSeconds(3).getAsDouble(), 1e-9, "no shm-twoshot measured: shm-oneshot's");
        assertEquals(32.0, timeline.remainingSeconds().getAsDouble(), 1e-9);
        assertEquals("shm-oneshot", timeline.running().communicator());
    }
}

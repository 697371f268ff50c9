package io.github.commgate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.gate.Runs;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the user reads while a run goes on: each point with the share done, the time so far and the time left. */
class ConsoleProgressTest {

    private static final long SECOND = 1_000_000_000L;

    /** shm-oneshot and shm-twoshot at 256 KiB, 2 MiB and 16 MiB, sizes outer as the workers run them. */
    private static final BenchmarkPlan PLAN = Runs.run(List.of(
            Runs.measured("shm-oneshot", 16, 40), Runs.measured("shm-twoshot", 16, 40),
            Runs.measured("shm-oneshot", 128, 40), Runs.measured("shm-twoshot", 128, 40),
            Runs.measured("shm-oneshot", 1024, 40), Runs.measured("shm-twoshot", 1024, 40))).plan();

    private final AtomicLong now = new AtomicLong();
    private final RecordingLog log = new RecordingLog();
    private final RunTimeline timeline = new RunTimeline(PLAN, 0);
    private final ConsoleProgress progress = new ConsoleProgress(log, timeline, now::get);

    private void complete(int index, double atSeconds, PointResult point) {
        now.set(Math.round(atSeconds * SECOND));
        progress.pointCompleted(index, 6, point);
    }

    @Test
    void eachPointSaysHowMuchIsDoneHowLongItTookAndHowLongTheRestWillTake() {
        now.set(2 * SECOND);
        progress.ranksConnected(2.0);
        complete(1, 3.5, Runs.measured("shm-oneshot", 16, 10_000));
        complete(2, 5, Runs.measured("shm-twoshot", 16, 10_000));
        // No guess of the rest before shm-twoshot was met. Each 256 KiB point took 1.5 s, all of it
        // in its 150 all-reduces of 10 ms: 2 MiB points are guessed at 12 s, 16 MiB ones at 96 s.
        assertEquals(List.of("all ranks connected after 2.00 s",
                "[1/6] shm-oneshot (16, 8192) 256 KiB: 10000.0 us; 16 % done, 4 s elapsed",
                "[2/6] shm-twoshot (16, 8192) 256 KiB: 10000.0 us; 33 % done, 5 s elapsed, about 3 min 36 s left",
                "[3/6] shm-oneshot (128, 8192) 2 MiB: measuring, about 12 s"), log.at("INFO"));
    }

    @Test
    void aPointLikelyToTakeLongIsAnnouncedWhenItBegins() {
        progress.ranksConnected(0);
        complete(1, 1.5, Runs.measured("shm-oneshot", 16, 10_000));
        complete(2, 3, Runs.measured("shm-twoshot", 16, 10_000));
        complete(3, 15, Runs.measured("shm-oneshot", 128, 80_000));
        assertEquals("[4/6] shm-twoshot (128, 8192) 2 MiB: measuring, about 12 s", log.at("INFO").get(log.at("INFO").size() - 1));
    }

    @Test
    void aSweepOfSmallTimedWorkIsNotGuessedAsItsBytesWouldScaleIt() {
        progress.ranksConnected(0);
        // GPU-like 256 KiB points: 0.2 s of inputs, graph capture and check around 150 all-reduces of 2 us.
        complete(1, 0.2, Runs.measured("shm-oneshot", 16, 2));
        complete(2, 0.4, Runs.measured("shm-twoshot", 16, 2));
        assertEquals("[2/6] shm-twoshot (16, 8192) 256 KiB: 2.0 us; 33 % done, 0 s elapsed, about 1 s left", log.at("INFO").get(2));
    }

    @Test
    void theLastPointSaysAllIsDoneWithoutAGuess() {
        progress.ranksConnected(0);
        for (int i = 1; i <= 6; i++) {
            complete(i, i * 70, Runs.measured(i % 2 == 1 ? "shm-oneshot" : "shm-twoshot", List.of(16, 128, 1024).get((i - 1) / 2), 40));
        }
        assertEquals("[6/6] shm-twoshot (1024, 8192) 16 MiB: 40.0 us; 100 % done, 7 min 00 s elapsed",
                log.at("INFO").get(log.at("INFO").size() - 1));
    }

    @Test
    void waitsReadAsPeopleSayThem() {
        assertEquals("9 s", ConsoleProgress.duration(9.4));
        assertEquals("2 min 05 s", ConsoleProgress.duration(125));
        assertEquals("1 h 02 min", ConsoleProgress.duration(3720));
    }
}

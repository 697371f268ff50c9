package io.github.commgate.history;

import static io.github.commgate.history.HistoryRuns.daily;
import static io.github.commgate.history.HistoryRuns.onlySeries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend's rules: level steps and creeping up (docs/ci.md states them). */
class TrendTest {

    @Test
    void noiseWithinTheLimitMakesNoStepAndNoCreep() {
        TrendSeries series = onlySeries(daily(100, 103, 98, 101, 104, 99, 102, 100, 97, 103));
        assertEquals(List.of(), series.steps());
        assertTrue(series.creep().isEmpty());
    }

    @Test
    void threeRunsBeyondTheLimitFromTheMedianOfTheThreeBeforeAreAStepMarkedAtTheFirstOfThem() {
        TrendSeries series = onlySeries(daily(100, 101, 99, 100, 120, 121, 119, 120, 121));
        assertEquals(1, series.steps().size());
        assertEquals(4, series.steps().get(0).at().run());
        assertEquals(20.0, series.steps().get(0).percent(), 1e-9);
        assertEquals(List.of("shm-oneshot 2 MiB: the level stepped +20.0 % with the run of 2026-11-28 06:00 UTC"
                + " (commit 0000000 on main)"), series.stepSentences());
    }

    @Test
    void oneOutlyingRunIsNoStep() {
        assertEquals(List.of(), onlySeries(daily(100, 101, 99, 100, 150, 100, 101, 99, 100)).steps());
    }

    @Test
    void aStepDownIsMarkedAsWellAndOneChangeOnlyOnce() {
        List<LevelStep> steps = onlySeries(daily(100, 100, 100, 80, 80, 80, 80, 80, 80, 80)).steps();
        assertEquals(1, steps.size());
        assertEquals(-20.0, steps.get(0).percent(), 1e-9);
    }

    @Test
    void aMedianRisingAPercentPerRunWithinItsLimitIsCreepingUp() {
        TrendSeries series = onlySeries(daily(100, 101, 102, 103, 104, 105, 106, 107));
        Creep creep = series.creep().orElseThrow();
        assertEquals(8, creep.runs());
        assertEquals(7.0, creep.risePercent(), 1e-9);
        assertEquals(List.of("shm-oneshot 2 MiB: creeping up, +7.0 % over the last 8 runs (100.0 us to 107.0 us on the Theil-Sen"
                + " line); its limit allows +10.0 %"), series.creepSentence().stream().toList());
    }

    @Test
    void aRiseOfLessThanHalfTheAllowedChangeIsNotCreeping() {
        assertTrue(onlySeries(daily(100, 100.5, 101, 101.5, 102, 102.5, 103, 103.5)).creep().isEmpty(), "+3.5 % of 10 % allowed");
    }

    @Test
    void aPointWhoseLatestRunRegressedIsARegressionNotACreep() {
        assertTrue(onlySeries(daily(100, 102, 104, 106, 108, 111)).creep().isEmpty());
    }

    @Test
    void fewerThanFiveRunsNeverCreep() {
        assertTrue(onlySeries(daily(100, 103, 106, 109)).creep().isEmpty());
    }

    @Test
    void theTrendKeepsTheLatestRunsAndMarksThoseThatFailed() {
        Trend trend = Trend.of(daily(100, 101, 115, 102, 103), 4);
        assertEquals(4, trend.runs().size());
        List<TrendPoint> points = trend.series().get(0).points();
        assertEquals(List.of(101.0, 115.0, 102.0, 103.0), points.stream().map(TrendPoint::medianMicros).toList());
        assertEquals(List.of(false, true, false, false), points.stream().map(TrendPoint::runFailed).toList());
        assertEquals(HistoryRuns.ENVIRONMENT, trend.environment());
    }
}

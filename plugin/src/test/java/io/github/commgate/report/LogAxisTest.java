package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogAxisTest {

    @Test
    void equalRatiosAreEqualDistances() {
        LogAxis axis = new LogAxis(1, 1000, 0, 300);
        assertEquals(0, axis.pixel(1), 1e-9);
        assertEquals(100, axis.pixel(10), 1e-9);
        assertEquals(300, axis.pixel(1000), 1e-9);
    }

    @Test
    void ticksFallOnOneTwoFiveOfEachDecadeUnlessTooMany() {
        assertEquals(List.of(50.0, 100.0, 200.0, 500.0), new LogAxis(40, 600, 0, 1).decadeTicks(12));
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), new LogAxis(1, 20000, 0, 1).decadeTicks(6));
    }

    @Test
    void valuesWithinOneDecadeStillGetTwoTicks() {
        LogAxis axis = LogAxis.snappedToTicks(3.2, 4.5, 0, 0, 1);
        assertEquals(List.of(2.0, 3.0, 4.0, 5.0), axis.decadeTicks(12));
        assertEquals(20.0, LogAxis.tickAtOrBelow(40.2), 1e-12);
        assertEquals(50.0, LogAxis.tickAtOrAbove(40.2), 1e-12);
        assertEquals(100.0, LogAxis.tickAtOrAbove(60), 1e-12);
    }

    @Test
    void aSingleValueGetsASpanToSitInTheMiddleOf() {
        LogAxis axis = LogAxis.over(2, 2, 0, 0, 100);
        assertEquals(50, axis.pixel(2), 1e-9);
    }

    @Test
    void aMedianOf1e308GivesAFiniteAxisWithAFewTicksInsteadOfFillingTheHeap() {
        LogAxis axis = LogAxis.snappedToTicks(40, 1e308, 0.03, 390, 20);
        List<Double> ticks = axis.decadeTicks(12);
        assertTrue(ticks.size() >= 2 && ticks.size() <= 12, ticks.toString());
        assertTrue(Double.isFinite(axis.high()) && Double.isFinite(axis.pixel(1e308)));
        assertTrue(ticks.stream().allMatch(Double::isFinite), ticks.toString());
    }

    @Test
    void valuesNoAxisCanHoldStillMapToFinitePixels() {
        for (double absurd : new double[] {0, -1, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN}) {
            LogAxis axis = LogAxis.snappedToTicks(absurd, Double.MAX_VALUE, 0.05, 0, 100);
            assertTrue(Double.isFinite(axis.pixel(absurd)), "pixel of " + absurd);
            assertTrue(axis.decadeTicks(12).size() <= 12, "ticks of an axis from " + absurd);
        }
    }
}

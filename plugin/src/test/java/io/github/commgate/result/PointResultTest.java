package io.github.commgate.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.stats.Statistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointResultTest {

    private static RankPointResult rank(int rank, long mismatches, double... micros) {
        return new RankPointResult(rank, "shm-oneshot", 64, 0, null, micros, mismatches, mismatches > 0 ? "element 3" : "");
    }

    @Test
    void eachTrialTakesTheSlowestRank() {
        PointResult point = PointResult.combine(List.of(rank(1, 0, 5, 1, 9), rank(0, 0, 2, 4, 3)), 8192, 1 << 20);
        assertArrayEquals(new double[] {5, 4, 9}, point.samplesMicros());
        assertEquals(5.0, point.medianMicros());
        assertEquals(PointStatus.MEASURED, point.status());
    }

    @Test
    void busBandwidthFollowsNcclTests() {
        PointResult point = PointResult.combine(List.of(rank(0, 0, 100), rank(1, 0, 100), rank(2, 0, 100), rank(3, 0, 100)),
                8192, 1_000_000);
        assertEquals(10.0, point.algorithmBandwidthGBps(), 1e-12);
        assertEquals(15.0, point.busBandwidthGBps(), 1e-12);
    }

    @Test
    void aWrongOutputOnAnyRankMakesThePointIncorrectAndHidesItsTiming() {
        PointResult point = PointResult.combine(List.of(rank(0, 0, 1), rank(1, 2, 1)), 8192, 1024);
        assertEquals(PointStatus.INCORRECT, point.status());
        assertEquals(List.of("rank 1: 2 wrong elements, first element 3"), point.mismatches());
        assertTrue(Double.isNaN(point.medianMicros()));
    }

    @Test
    void aSkipOnAnyRankSkipsThePoint() {
        PointResult point = PointResult.combine(List.of(rank(0, 0, 1),
                RankPointResult.skipped(1, "shm-oneshot", 64, 0, "too big")), 8192, 1024);
        assertEquals(PointStatus.SKIPPED, point.status());
        assertEquals("too big", point.skipReason());
    }

    @Test
    void statisticsGiveNanForNoSamples() {
        assertTrue(Double.isNaN(Statistics.median(new double[0])));
        assertEquals(2.5, Statistics.median(new double[] {4, 1, 2, 3}));
        assertEquals(3.25, Statistics.quantile(new double[] {1, 2, 3, 4}, 0.75));
    }
}

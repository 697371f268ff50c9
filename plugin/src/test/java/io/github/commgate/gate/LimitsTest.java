package io.github.commgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.baseline.BaselinePoint;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.plan.Thresholds;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule that sets a point's limit, with the sentence that names it. */
class LimitsTest {

    private static final MeasuringProtocol PROTOCOL = new MeasuringProtocol(5, 50, 10);

    /** 150 samples spread 1 % around 100 us, from runs whose medians are {@code runMedians}. */
    private static BaselinePoint point(double... runMedians) {
        List<Double> samples = java.util.stream.IntStream.range(0, 150).mapToObj(i -> 99.5 + (i % 11) * 0.1).toList();
        return new BaselinePoint("nccl", 128, 2L << 20, 100.0, samples, Arrays.stream(runMedians).boxed().toList(), null);
    }

    private static PointLimit limit(Thresholds thresholds, Backend backend, BaselinePoint point) {
        return new Limits(thresholds, backend, PROTOCOL).of(point);
    }

    @Test
    void withoutAThresholdTheLimitIsTwiceTheSpreadOfTheRecordingRuns() {
        PointLimit limit = limit(Thresholds.defaults(), Backend.CUDA, point(99.0, 100.0, 101.5));
        assertEquals(PointLimit.Rule.NOISE, limit.rule());
        assertEquals(5.0, limit.percent(), 1e-9);
        assertEquals(105.0, limit.upperMicros(), 1e-9);
        assertEquals("baseline 100.0 us + 5 %, from the spread of its 3 recording runs", limit.sentence());
    }

    @Test
    void aQuietPointStillAllowsTwoPercentAndANoisyOneNoMoreThanTen() {
        assertEquals(2.0, limit(Thresholds.defaults(), Backend.CUDA, point(100.0, 100.2, 100.1)).percent(), 1e-9);
        assertEquals(10.0, limit(Thresholds.defaults(), Backend.CPU, point(90.0, 100.0, 120.0)).percent(), 1e-9);
    }

    @Test
    void onTheCpuBackendNoLimitIsBelowTenPercentHoweverCloseItsRecordingRunsWere() {
        PointLimit limit = limit(Thresholds.defaults(), Backend.CPU, point(99.0, 100.0, 101.5));
        assertEquals(PointLimit.Rule.CPU_LEAST, limit.rule());
        assertEquals(110.0, limit.upperMicros(), 1e-9);
        assertEquals("baseline 100.0 us + 10 %, the least the cpu backend allows: a shared machine moves more than its 3"
                + " recording runs show", limit.sentence());
        assertEquals(PointLimit.Rule.NOISE, limit(Thresholds.defaults(), Backend.CUDA, point(99.0, 100.0, 101.5)).rule());
        assertEquals(PointLimit.Rule.THRESHOLD, limit(new Thresholds(3.0, Map.of(), 0.0, 0.01), Backend.CPU,
                point(99.0, 100.0, 101.5)).rule(), "a threshold the user wrote still rules");
    }

    @Test
    void theFloorIsTheTimersResolutionPerAllReduce() {
        BaselinePoint small = new BaselinePoint("nccl", 16, 1 << 18, 1.0, List.of(0.99, 1.0, 1.01),
                List.of(1.0, 1.0, 1.0), null);
        PointLimit limit = limit(Thresholds.defaults(), Backend.CUDA, small);
        assertEquals(0.05, limit.floorMicros(), 1e-12);
        assertTrue(limit.floorBinds());
        assertEquals("baseline 1.0 us + 0.1 us floor", limit.sentence());
        assertEquals(0.01, limit(Thresholds.defaults(), Backend.CPU, small).floorMicros(), 1e-12);
    }

    @Test
    void theUsersThresholdRulesWhereTheyWroteOne() {
        PointLimit limit = limit(new Thresholds(Double.NaN, Map.of("nccl", 3.0), 0.0, 0.01), Backend.CUDA, point(95.0, 105.0));
        assertEquals(PointLimit.Rule.THRESHOLD, limit.rule());
        assertEquals(103.0, limit.upperMicros(), 1e-9);
        assertEquals("baseline 100.0 us + 3 %", limit.sentence());
    }

    @Test
    void aBaselineWithoutPerRunMediansKeepsTheFixedRule() {
        PointLimit limit = limit(Thresholds.defaults(), Backend.CUDA, point());
        assertEquals(PointLimit.Rule.FIXED, limit.rule());
        assertEquals(110.0, limit.upperMicros(), 1e-9);
        assertEquals("baseline 100.0 us + 10 %, the fixed rule of a baseline without per-run medians", limit.sentence());
    }

    @Test
    void theDetectableSlowdownIsTheLimitOrWhatTheSamplesSpreadAllowsWhicheverIsLarger() {
        assertEquals(2.0, limit(Thresholds.defaults(), Backend.CUDA, point(100.0, 100.2, 100.1)).detectablePercent(), 1e-9);
        List<Double> wide = java.util.stream.IntStream.range(0, 150).mapToObj(i -> 50.0 + (i % 101)).toList();
        BaselinePoint noisy = new BaselinePoint("nccl", 128, 2L << 20, 100.0, wide, List.of(99.0, 100.0, 100.5), null);
        double detectable = limit(Thresholds.defaults(), Backend.CUDA, noisy).detectablePercent();
        assertTrue(detectable > 10 && detectable < 100, "samples spread over 100 % cannot show a 3 % shift: " + detectable);
    }
}

package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void defaultsAreTenPercentOneMicrosecondAndAlphaOnePercent() {
        Thresholds defaults = Thresholds.defaults();
        assertEquals(10.0, defaults.percentFor("nccl"));
        assertEquals(1.0, defaults.floorMicros());
        assertEquals(0.01, defaults.alpha());
    }

    @Test
    void theLimitIsTheLargerOfThePercentageAndTheFloor() {
        Thresholds thresholds = new Thresholds(10, Map.of("nccl", 5.0), 1.0, 0.01);
        assertEquals(110.0, thresholds.upperLimit("shm-oneshot", 100), 1e-9);
        assertEquals(105.0, thresholds.upperLimit("nccl", 100), 1e-9);
        assertEquals(3.0, thresholds.upperLimit("nccl", 2), 1e-9);
        assertTrue(thresholds.floorBinds("nccl", 2));
        assertEquals(90.0, thresholds.lowerLimit("shm-oneshot", 100), 1e-9);
        assertEquals(1.0, thresholds.lowerLimit("nccl", 2), 1e-9);
    }

    @Test
    void zeroThresholdAndZeroFloorLimitAtTheBaseline() {
        assertEquals(100.0, new Thresholds(0, Map.of(), 0, 0.05).upperLimit("nccl", 100), 1e-12);
    }
}

package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void byDefaultNoThresholdIsSetAndAlphaIsOnePercent() {
        Thresholds defaults = Thresholds.defaults();
        assertEquals(Double.NaN, defaults.percentFor("nccl"));
        assertEquals(Double.NaN, defaults.floorMicros());
        assertEquals(0.01, defaults.alpha());
    }

    @Test
    void aCommunicatorsOwnThresholdRulesOverTheDefault() {
        Thresholds thresholds = new Thresholds(10, Map.of("nccl", 5.0), 1.0, 0.01);
        assertEquals(5.0, thresholds.percentFor("nccl"));
        assertEquals(10.0, thresholds.percentFor("shm-oneshot"));
        assertEquals(5.0, new Thresholds(Double.NaN, Map.of("nccl", 5.0), Double.NaN, 0.01).percentFor("nccl"));
    }
}

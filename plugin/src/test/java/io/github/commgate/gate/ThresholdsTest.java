package io.github.commgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.plan.InvalidSettingsException;
import java.util.HashMap;
import java.util.List;
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
    void everyBadValueIsNamedWithItsValue() {
        Map<String, Double> overrides = new HashMap<>();
        overrides.put("nccl", -5.0);
        overrides.put("shm-oneshot", Double.NaN);
        overrides.put(" ", 3.0);
        overrides.put("shm-twoshot", null);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> Thresholds.of(-2.5, overrides, -1, 1.5));
        assertEquals(List.of(
                "threshold: -2.5 % must be 0 or more",
                "threshold: an override names no communicator",
                "threshold for nccl: -5 % must be 0 or more",
                "threshold for shm-oneshot: NaN % must be 0 or more",
                "threshold for shm-twoshot: no value",
                "floor: -1 us must be 0 or more",
                "alpha: 1.5 must be more than 0 and less than 1"), e.problems());
    }

    @Test
    void alphaOfZeroIsRefused() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> Thresholds.of(10, Map.of(), 1, 0));
        assertEquals(List.of("alpha: 0 must be more than 0 and less than 1"), e.problems());
    }

    @Test
    void theConstructorRefusesWhatTheFactoryRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Thresholds(10, Map.of("nccl", -5.0), 1, 0.01));
        assertEquals("threshold for nccl: -5 % must be 0 or more", e.getMessage());
    }

    @Test
    void zeroThresholdAndZeroFloorAreAllowed() throws InvalidSettingsException {
        assertEquals(100.0, Thresholds.of(0, null, 0, 0.05).upperLimit("nccl", 100), 1e-12);
    }
}

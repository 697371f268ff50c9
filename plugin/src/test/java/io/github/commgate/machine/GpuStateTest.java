package io.github.commgate.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuStateTest {

    private static final Map<String, String> COOL = Map.of(MachineFacts.GPU_SM_CLOCK_TARGET_MHZ, "1980",
            MachineFacts.GPU_CLOCK_EVENTS, "none", MachineFacts.GPU_FOREIGN_PROCESSES, "0", MachineFacts.GPU_TEMPERATURE_C, "40");

    @Test
    void onlyTheReasonsThatHoldTheClocksDownAreNamed() {
        assertEquals("none", GpuState.clockEvents(0x1 | 0x2 | 0x10 | 0x100));
        assertEquals("sw_power_cap,hw_thermal_slowdown", GpuState.clockEvents(0x1 | 0x4 | 0x40));
    }

    @Test
    void aThrottledALowerClockedOrASharedGpuIsSlowerThanTheReference() {
        assertEquals(List.of(), GpuState.slowerThan(COOL, COOL));
        assertEquals(List.of("the GPU held its clocks down (hw_thermal_slowdown)", "its SM clock was set to 1410 MHz against 1980 MHz",
                "1 other process used the GPU"), GpuState.slowerThan(Map.of(MachineFacts.GPU_SM_CLOCK_TARGET_MHZ, "1410",
                MachineFacts.GPU_CLOCK_EVENTS, "hw_thermal_slowdown", MachineFacts.GPU_FOREIGN_PROCESSES, "1"), COOL));
        // Within 5 % is the same clock; a baseline without GPU facts (the cpu backend, an older commgate) compares nothing.
        assertEquals(List.of(), GpuState.slowerThan(Map.of(MachineFacts.GPU_SM_CLOCK_TARGET_MHZ, "1900"), COOL));
        assertEquals(List.of(), GpuState.slowerThan(Map.of(MachineFacts.GPU_SM_CLOCK_TARGET_MHZ, "1410"), Map.of()));
    }

    @Test
    void aRunIsAccountedByTheWorstItMetAndTheClocksReadAfterItWorked() {
        Map<String, String> start = Map.of(MachineFacts.GPU_SM_CLOCK_MHZ, "345", MachineFacts.GPU_CLOCK_EVENTS, "sw_power_cap",
                MachineFacts.GPU_TEMPERATURE_C, "38", MachineFacts.GPU_FOREIGN_PROCESSES, "1");
        Map<String, String> end = Map.of(MachineFacts.GPU_SM_CLOCK_MHZ, "1980", MachineFacts.GPU_CLOCK_EVENTS, "hw_slowdown",
                MachineFacts.GPU_TEMPERATURE_C, "61", MachineFacts.GPU_FOREIGN_PROCESSES, "0");
        Map<String, String> merged = GpuState.merge(start, end);
        assertEquals("1980", merged.get(MachineFacts.GPU_SM_CLOCK_MHZ));
        assertEquals("hw_slowdown,sw_power_cap", merged.get(MachineFacts.GPU_CLOCK_EVENTS));
        assertEquals("61", merged.get(MachineFacts.GPU_TEMPERATURE_C));
        assertEquals("1", merged.get(MachineFacts.GPU_FOREIGN_PROCESSES));
    }
}

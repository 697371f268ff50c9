package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.machine.MachineFacts;
import io.github.commgate.result.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsualStateTest {

    private static RunResult withFacts(String... keysAndValues) {
        Map<String, String> environment = Runs.environment();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return run(environment, List.of());
    }

    @Test
    void runsOnTheNearestPlacementAreUsualAndAFarOneSaysWhyNot() {
        RunResult near = withFacts(MachineFacts.SHM_BARRIER_NS, "50");
        RunResult far = withFacts(MachineFacts.SHM_BARRIER_NS, "240");
        RunResult nearToo = withFacts(MachineFacts.SHM_BARRIER_NS, "70");
        List<RunResult> runs = List.of(near, far, nearToo);
        assertEquals(List.of(near, nearToo), UsualState.among(runs));
        assertEquals(List.of("the ranks' CPUs were farther apart than in the nearest run"), UsualState.why(far, runs));
        assertEquals(List.of(), UsualState.why(near, runs));
    }

    @Test
    void aGpuHoldingItsClocksDownOrSharedWithAnotherProcessIsNotUsual() {
        RunResult quiet = withFacts(MachineFacts.GPU_CLOCK_EVENTS, "none", MachineFacts.GPU_FOREIGN_PROCESSES, "0");
        RunResult hot = withFacts(MachineFacts.GPU_CLOCK_EVENTS, "sw_thermal_slowdown", MachineFacts.GPU_FOREIGN_PROCESSES, "0");
        RunResult shared = withFacts(MachineFacts.GPU_CLOCK_EVENTS, "none", MachineFacts.GPU_FOREIGN_PROCESSES, "2");
        List<RunResult> runs = List.of(hot, quiet, shared);
        assertEquals(List.of(quiet), UsualState.among(runs));
        assertEquals(List.of("the GPU held its clocks down (sw_thermal_slowdown)"), UsualState.why(hot, runs));
        assertEquals(List.of("2 other processes used the GPU"), UsualState.why(shared, runs));
    }

    @Test
    void aBaselinePoolsTheUsualRunsUnlessOnlyOneIsUsual() {
        RunResult near = withFacts(MachineFacts.SHM_BARRIER_NS, "64");
        RunResult far = withFacts(MachineFacts.SHM_BARRIER_NS, "240");
        RunResult farToo = withFacts(MachineFacts.SHM_BARRIER_NS, "301");
        RunResult nearToo = withFacts(MachineFacts.SHM_BARRIER_NS, "90");
        assertEquals(List.of(near, nearToo), UsualState.pooled(List.of(near, far, nearToo), 2));
        // One near run among six: one run has no spread, so every run is pooled.
        List<RunResult> mostlyFar = List.of(far, farToo, near, far, farToo, far);
        assertEquals(mostlyFar, UsualState.pooled(mostlyFar, 3));
        // Asked for one run, one usual run is a baseline.
        assertEquals(List.of(near), UsualState.pooled(List.of(near, far), 1));
    }

    @Test
    void runsWithoutStateFactsAreAllUsual() {
        List<RunResult> runs = List.of(withFacts(), withFacts());
        assertEquals(runs, UsualState.among(runs));
    }
}

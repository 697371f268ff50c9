package io.github.commgate.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseTimesTest {

    @Test
    void anInnerPhasePausesTheOuterSoTheirSumIsTheOutersWallTime() throws Exception {
        PhaseTimes phases = new PhaseTimes();
        long start = System.nanoTime();
        try (PhaseTimes.Span setup = phases.start(WorkerPhase.SETUP)) {
            Thread.sleep(20);
            try (PhaseTimes.Span nccl = phases.start(WorkerPhase.NCCL)) {
                Thread.sleep(60);
            }
            Thread.sleep(20);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<WorkerPhase, Double> seconds = phases.seconds();
        assertEquals(2, seconds.size(), seconds.toString());
        assertTrue(seconds.get(WorkerPhase.NCCL) >= 0.06, seconds.toString());
        assertTrue(seconds.get(WorkerPhase.SETUP) >= 0.04, seconds.toString());
        double sum = seconds.get(WorkerPhase.SETUP) + seconds.get(WorkerPhase.NCCL);
        assertTrue(sum <= wall && sum > wall - 0.005, sum + " s of phases in " + wall + " s");
    }

    @Test
    void aPhaseEnteredTwiceAddsUpAndPhasesThatTookNoTimeAreLeftOut() {
        PhaseTimes phases = new PhaseTimes();
        phases.add(WorkerPhase.TIMED, 1_500_000_000L);
        phases.add(WorkerPhase.TIMED, 500_000_000L);
        assertEquals(Map.of(WorkerPhase.TIMED, 2.0), phases.seconds());
    }
}

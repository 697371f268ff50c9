package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.machine.MachineFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarrierLatencyProbeTest {

    @TempDir
    Path scratch;

    @Test
    void everyRankReportsAPositiveBarrierTimeUnderTheFactTheGateReadsAndLeavesNoFile() throws Exception {
        List<Map<String, String>> facts = new ThreadRanks(2).run(scratch, 1024, SharedMemoryCommunicators.REGISTRY::describe);
        for (Map<String, String> rank : facts) {
            assertEquals(List.of(MachineFacts.SHM_BARRIER_NS), List.copyOf(rank.keySet()));
            long nanos = Long.parseLong(rank.get(MachineFacts.SHM_BARRIER_NS));
            // A barrier is at least one cache-line transfer between cores, and far less than the
            // 60 s a stuck rank would take: anything else means the timing is broken.
            assertTrue(nanos > 0 && nanos < 10_000_000, "barrier of " + nanos + " ns");
        }
        try (var left = Files.list(scratch)) {
            assertEquals(0, left.count(), "the probe's shared file is removed");
        }
    }

    @Test
    void moreRanksThanCoresStillFinishTheirBarriers() throws Exception {
        int ranks = Runtime.getRuntime().availableProcessors() + 2;
        List<Map<String, String>> facts = new ThreadRanks(ranks).run(scratch, 1024, SharedMemoryCommunicators.REGISTRY::describe);
        assertEquals(ranks, facts.stream().filter(f -> f.containsKey(MachineFacts.SHM_BARRIER_NS)).count());
    }

    @Test
    void aSingleRankHasNoBarrierToTime() throws Exception {
        assertEquals(List.of(Map.of()), new ThreadRanks(1).run(scratch, 1024, SharedMemoryCommunicators.REGISTRY::describe));
    }

    @Test
    void measuredAgainTheLargerBarrierTimeIsKeptAndEverythingElseAsBefore() {
        Map<String, String> before = Map.of("cpu_model", "AMD EPYC", MachineFacts.SHM_BARRIER_NS, "60");
        assertEquals(Map.of("cpu_model", "AMD EPYC", MachineFacts.SHM_BARRIER_NS, "220"),
                BarrierLatencyProbe.farther(before, Map.of(MachineFacts.SHM_BARRIER_NS, "220")));
        assertEquals(before, BarrierLatencyProbe.farther(before, Map.of(MachineFacts.SHM_BARRIER_NS, "48")));
        assertEquals(before, BarrierLatencyProbe.farther(before, Map.of()));
    }
}

package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RankPointResult;
import io.github.commgate.result.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A point's bandwidth as a share of the peak its run reports, at several ranks and at one. */
class PeakBandwidthTest {

    /** One point of 2 MiB at {@code micros} on every rank, in a run whose environment reports {@code peak} GB/s. */
    private static RunResult run(int ranks, double micros, String peak) {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(ranks).communicators("nccl")
                .sequenceLengths(128).hiddenSize(8192).dtype(DType.BF16).protocol(1, 3, 10).build();
        PointResult point = PointResult.combine(IntStream.range(0, ranks).mapToObj(rank -> new RankPointResult(rank, "nccl",
                128, 0, null, new double[] {micros, micros, micros}, 0, "")).toList(), 8192, plan.point(128).bytes());
        return new RunResult(plan, Map.of(MachineFacts.PEAK_BUS_BANDWIDTH_GBPS, peak,
                MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE, "NVML: 18 NVLinks x 26.6 GB/s"),
                Instant.parse("2026-12-03T12:00:00Z"), 0.5, 1.0, List.of(point));
    }

    @Test
    void onSeveralRanksTheBusBandwidthIsReadAgainstTheLinksPeak() {
        RunResult run = run(2, 10.0, "419.4");
        PeakBandwidth peak = PeakBandwidth.of(run).orElseThrow();
        // 2 MiB in 10 us: 209.7 GB/s algorithm bandwidth, times 2(n-1)/n = 1 at two ranks: half of 419.4.
        assertEquals("50 %", peak.percentOf(run.points().get(0)));
        assertEquals("peak bus bandwidth 419.4 GB/s (NVML: 18 NVLinks x 26.6 GB/s)", peak.sentence());
    }

    @Test
    void atOneRankTheAlgorithmBandwidthIsReadAgainstTheCopyPeakSinceTheBusBandwidthIsZero() {
        RunResult run = run(1, 1.0, "4194.3");
        PeakBandwidth peak = PeakBandwidth.of(run).orElseThrow();
        assertEquals(0.0, run.points().get(0).busBandwidthGBps(), 1e-12);
        assertEquals("50 %", peak.percentOf(run.points().get(0)));
        assertTrue(peak.sentence().startsWith("peak algorithm bandwidth 4194.3 GB/s"), peak.sentence());
    }

    @Test
    void noUsablePeakLeavesTheShareOut() {
        assertTrue(PeakBandwidth.of(run(2, 10.0, "0")).isEmpty());
        assertTrue(PeakBandwidth.of(run(2, 10.0, "unread")).isEmpty());
    }

    @Test
    void theVerdictTableShowsTheShareBesideTheBusBandwidth() {
        RunResult run = run(2, 10.0, "419.4");
        List<String> lines = BenchmarkTable.lines(run);
        assertTrue(lines.stream().anyMatch(l -> l.contains("209.72 (50 %)")), String.join("\n", lines));
    }
}

package io.github.commgate.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PooledRunsTest {

    private static final BenchmarkPlan PLAN = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2)
            .communicators("shm-oneshot").sequenceLengths(16).hiddenSize(8192).dtype(DType.BF16).protocol(1, 2, 10)
            .build();

    private static RunResult run(double seconds, long mismatches, double... rank0) {
        RankPointResult zero = new RankPointResult(0, "shm-oneshot", 16, 0, null, rank0, mismatches, mismatches > 0 ? "element 1" : "");
        RankPointResult one = new RankPointResult(1, "shm-oneshot", 16, 0, null, rank0.clone(), 0, "");
        return new RunResult(PLAN, Map.of("cpu_model", "x"), Instant.EPOCH, 1, seconds,
                List.of(PointResult.combine(List.of(zero, one), 8192, 262144)));
    }

    @Test
    void everyRunsTrialsAreKeptRankByRank() {
        RunResult pooled = PooledRuns.pool(List.of(run(2, 0, 10, 11), run(3, 0, 20, 21), run(4, 0, 30, 31)));
        PointResult point = pooled.points().get(0);
        assertArrayEquals(new double[] {10, 11, 20, 21, 30, 31}, point.rankLatencyMicros()[0]);
        assertEquals(20.5, point.medianMicros());
        assertEquals(9.0, pooled.totalSeconds());
    }

    @Test
    void aPointWrongInAnyRunStaysWrong() {
        RunResult pooled = PooledRuns.pool(List.of(run(1, 0, 10, 11), run(1, 2, 20, 21)));
        assertEquals(PointStatus.INCORRECT, pooled.points().get(0).status());
    }

    @Test
    void oneRunIsItself() {
        RunResult only = run(1, 0, 10, 11);
        assertSame(only, PooledRuns.pool(List.of(only)));
    }
}

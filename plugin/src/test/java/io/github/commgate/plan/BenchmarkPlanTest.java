package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.DType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkPlanTest {

    @Test
    void restrictingKeepsEveryOtherFieldAndThePlansOrder() {
        BenchmarkPlan plan = PlanJsonTest.UNUSUAL;
        BenchmarkPlan narrowed = plan.restrictedTo(Set.of("nccl", "custom-twoshot"), List.of(16));
        assertEquals(plan.toBuilder().sequenceLengths(16).build(), narrowed);
        assertEquals(List.of("custom-twoshot", "nccl"), narrowed.communicators());
        assertEquals(32L << 20, narrowed.customMaxBytes());
    }

    @Test
    void aPointIsTheTensorShapeAndTheProtocolStaysWithThePlan() {
        BenchmarkPlan plan = BenchmarkPlan.builder().communicators("shm-oneshot").sequenceLengths(3, 1).hiddenSize(8)
                .dtype(DType.FP32).protocol(1, 2, 3).build();
        assertEquals(new AllReducePoint(3, 8, DType.FP32), plan.points().get(0).point());
        assertEquals(96, plan.maxBytes());
        assertEquals(2, plan.protocol().trials());
    }
}

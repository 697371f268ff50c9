package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.DType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Needs no GPU: when our kernels may run (symm-multimem's guards: MulticastGuardTest). */
class CustomAllReduceGuardsTest {

    @Test
    void ourKernelsNeedTwoFourSixOrEightRanks() {
        for (int ranks : new int[] {1, 3, 5, 7, 9}) {
            assertEquals(Optional.of("needs 2, 4, 6 or 8 ranks; this run has " + ranks),
                    CustomAllReduceLimits.unavailable(ranks, true, Optional.empty()));
        }
        assertEquals(Optional.empty(), CustomAllReduceLimits.unavailable(6, true, Optional.empty()));
    }

    @Test
    void aBuildWithoutNvccSaysTheKernelsAreNotBuilt() {
        assertEquals(Optional.of(KernelLibrary.NOT_BUILT), CustomAllReduceLimits.unavailable(2, false, Optional.empty()));
    }

    @Test
    void missingPeerAccessIsTheReason() {
        assertEquals(Optional.of("GPU 0 cannot access GPU 3"), CustomAllReduceLimits.unavailable(4, true, Optional.of("GPU 0 cannot access GPU 3")));
    }

    @Test
    void pointsOverTheLimitOrNotWholeVectorsSkipNamingTheLimit() {
        AllReducePoint big = new AllReducePoint(1024, 8192, DType.BF16);
        assertEquals(Optional.of("16777216 bytes is over the 8388608-byte limit of this communicator (customAllReduceMaxSize)"),
                CustomAllReduceLimits.pointProblem(big, 8L << 20, 16, "customAllReduceMaxSize"));
        AllReducePoint odd = new AllReducePoint(1, 3, DType.FP16);
        assertEquals(Optional.of("6 bytes is not a multiple of the 16-byte vectors the kernels move"),
                CustomAllReduceLimits.pointProblem(odd, 8L << 20, 16, "customAllReduceMaxSize"));
        assertEquals(Optional.empty(),
                CustomAllReduceLimits.pointProblem(new AllReducePoint(512, 8192, DType.BF16), 8L << 20, 16, "customAllReduceMaxSize"));
    }

    @Test
    void kernelNamesFollowTheFatbinsScheme() {
        assertEquals("commgate_twoshot_fp16_8", CustomAllReduce.TWOSHOT_KERNELS.kernel(DType.FP16, 8));
        assertEquals(java.util.List.of("commgate_symm_twoshot_bf16_2", "commgate_symm_twoshot_fp16_2", "commgate_symm_twoshot_fp32_2"),
                SymmetricTwoShotAllReduce.KERNELS.kernels(2));
        assertEquals(12, MulticastAllReduce.KERNELS.kernels().size());
    }
}

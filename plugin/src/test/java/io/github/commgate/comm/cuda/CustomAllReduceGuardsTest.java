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
    void pointsOverTheLimitOrNotWholeVectorsSkip() {
        AllReducePoint big = new AllReducePoint(1024, 8192, DType.BF16);
        assertEquals(Optional.of("16777216 bytes is over the 8388608-byte limit of this communicator (customAllReduceMaxSize)"),
                CustomAllReduceLimits.pointProblem(big, 8L << 20));
        AllReducePoint odd = new AllReducePoint(1, 3, DType.FP16);
        assertEquals(Optional.of("6 bytes is not a multiple of the 16-byte vectors the kernels move"), CustomAllReduceLimits.pointProblem(odd, 8L << 20));
        assertEquals(Optional.empty(), CustomAllReduceLimits.pointProblem(new AllReducePoint(512, 8192, DType.BF16), 8L << 20));
    }

    @Test
    void gridsMatchTheKernelsLaunchRules() {
        assertEquals(1, KernelLaunch.blocks(1));
        assertEquals(32, KernelLaunch.blocks(16384));
        assertEquals(36, KernelLaunch.blocks(1L << 20));
        assertEquals("commgate_twoshot_fp16_8", KernelLaunch.kernelName("twoshot", DType.FP16, 8));
    }
}

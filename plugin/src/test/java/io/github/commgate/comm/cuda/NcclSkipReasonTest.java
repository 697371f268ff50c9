package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Needs no GPU: the rules that decide skips, and version arithmetic, load no native code. */
class NcclSkipReasonTest {

    @Test
    void symmetricWindowsNeedNccl227() {
        assertEquals(Optional.of("NCCL 2.26.6 has no symmetric windows (needs 2.27 or newer)"),
                NcclSymmetricAllReduce.unavailableReason(8, 22606));
    }

    @Test
    void symmetricWindowsNeedTwoRanks() {
        assertEquals(Optional.of("symmetric windows need 2 or more ranks; this run has 1"),
                NcclSymmetricAllReduce.unavailableReason(1, 22803));
    }

    @Test
    void symmetricWindowsRunFromTwoRanksOnNccl227() {
        assertEquals(Optional.empty(), NcclSymmetricAllReduce.unavailableReason(2, 22703));
    }

    @Test
    void versionsReadAsTheLibrariesPrintThem() {
        assertEquals("2.28.3", NcclSession.versionText(22803));
        assertEquals("13.0", CudaDevice.version(13000));
        assertEquals("12.8", CudaDevice.version(12080));
    }
}

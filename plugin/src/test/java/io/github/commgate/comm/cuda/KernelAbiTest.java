package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Needs no GPU: how the host reads the fatbin's ABI record and what it derives from it. */
class KernelAbiTest {

    /** What native/src/main/cuda/allreduce_abi.cuh states today; the first test checks the fatbin says so. */
    static final KernelAbi CURRENT = new KernelAbi(3, 512, 36, 16, 8, 2560, 768, 3, 0x80000000);

    @Test
    void theFatbinCarriesTheRecordOfTheNativeSources() throws IOException {
        assertEquals(CURRENT, KernelFatbinTest.fatbinAbi());
    }

    @Test
    void theRecordIsLittleEndianWordsInDeclarationOrder() throws CudaException {
        assertEquals(CURRENT, KernelAbi.decode(words(3, 512, 36, 16, 8, 2560, 768, 3, 0x80000000)));
    }

    @Test
    void aFatbinOfAnotherVersionIsRefusedInOneLineNamingBothVersions() {
        CudaException older = assertThrows(CudaException.class, () -> KernelAbi.decode(words(2, 512, 36, 16, 8, 2560)));
        assertEquals("allreduce.fatbin has kernel ABI version 2, but this plugin expects version 3: "
                + "the commgate-native jar on the worker's class path comes from another build than the plugin", older.getMessage());
        // A newer record may be longer: the version is read first, before anything is trusted.
        CudaException newer = assertThrows(CudaException.class,
                () -> KernelAbi.decode(words(4, 512, 36, 16, 8, 2560, 768, 3, 0x80000000, 7)));
        assertEquals("allreduce.fatbin has kernel ABI version 4, but this plugin expects version 3: "
                + "the commgate-native jar on the worker's class path comes from another build than the plugin", newer.getMessage());
    }

    @Test
    void aFatbinFromBeforeTheRecordIsVersionOne() {
        assertEquals("allreduce.fatbin has kernel ABI version 1 (it has no commgate_abi record), but this plugin expects version 3: "
                + "the commgate-native jar on the worker's class path comes from another build than the plugin",
                KernelAbi.missingRecord().getMessage());
    }

    @Test
    void aTruncatedRecordIsRefused() {
        assertEquals("allreduce.fatbin's commgate_abi is 2 bytes, too short to hold even its version",
                assertThrows(CudaException.class, () -> KernelAbi.decode(new byte[2])).getMessage());
        assertEquals("allreduce.fatbin's commgate_abi is 8 bytes, but version 3 has 36",
                assertThrows(CudaException.class, () -> KernelAbi.decode(words(3, 512))).getMessage());
    }

    @Test
    void gridsFollowTheKernelsLaunchRule() {
        assertEquals(1, CURRENT.blocks(0));
        assertEquals(1, CURRENT.blocks(1));
        assertEquals(2, CURRENT.blocks(513));
        assertEquals(32, CURRENT.blocks(CURRENT.vectors(256 << 10)), "256 KiB uses 32 blocks, as in vLLM");
        assertEquals(36, CURRENT.blocks(1L << 20));
        assertEquals(64, CURRENT.peersBytes());
    }

    @Test
    void aPushAreaIsItsStateThenThreeBuffersOfOneSlotPerPeer() {
        assertEquals(768 + 3 * 1 * 1024 * 16, CURRENT.pushAreaBytes(1024, 2));
        assertEquals(768 + 3 * 7 * (512L << 10), CURRENT.pushAreaBytes((512L << 10) / 16, 8), "10.5 MiB at 8 ranks and 512 KiB");
    }

    private static byte[] words(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }
}

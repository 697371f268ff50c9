package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Needs no GPU: how symm-multimem lays out and sizes its symmetric allocations, and how ranks share their handles. */
class SymmetricLayoutTest {

    private static final long MIB = 1L << 20;

    /** The fatbin's numbers (KernelAbiTest checks them): 16-byte vectors, a 2560-byte signal area. */
    private static KernelAbi abi() {
        return KernelAbiTest.CURRENT;
    }

    @Test
    void theSignalAreaFollowsTheDataAndTheAllocationIsWholeGranules() {
        assertEquals(new SymmetricLayout(8 * MIB, 8 * MIB, 10 * MIB, 2 * MIB), SymmetricLayout.of(8 * MIB, 2 * MIB, abi()));
        // 100 bytes of data: the signal area starts at the next 256 bytes, all in one 2 MiB granule.
        assertEquals(new SymmetricLayout(100, 256, 2 * MIB, 2 * MIB), SymmetricLayout.of(100, 2 * MIB, abi()));
        // 2 MiB - 1 KiB of data leaves less than a signal area in the first granule.
        assertEquals(4 * MIB, SymmetricLayout.of(2 * MIB - 1024, 2 * MIB, abi()).allocationBytes());
    }

    @Test
    void aTinyPlanStillHoldsOneVector() {
        assertEquals(16, SymmetricLayout.of(0, 2 * MIB, abi()).dataBytes());
    }

    @Test
    void theGranularitySuitsBothTheAllocationAndTheMulticastObject() {
        assertEquals(2 * MIB, SymmetricLayout.commonGranularity(2 * MIB, 2 * MIB));
        assertEquals(512 * MIB, SymmetricLayout.commonGranularity(2 * MIB, 512 * MIB));
        assertEquals(6 * MIB, SymmetricLayout.commonGranularity(2 * MIB, 3 * MIB));
        assertThrows(IllegalArgumentException.class, () -> SymmetricLayout.commonGranularity(0, 2 * MIB));
    }

    @Test
    void multimemGridsCoverOneSliceOfTheVectors() {
        assertEquals(1, abi().multicastBlocks(8 * 512, 8));
        assertEquals(2, abi().multicastBlocks(8 * 513, 8));
        assertEquals(1, abi().multicastBlocks(1, 2));
        assertEquals(36, abi().multicastBlocks(1L << 30, 2));
    }

    @Test
    void everyRankGetsEveryHandleWhenAllExported() {
        byte[] handle = new byte[64];
        handle[0] = 7;
        handle[63] = 9;
        byte[] blob = FabricHandleBlob.ofHandle(handle);
        assertEquals(Optional.empty(), FabricHandleBlob.firstProblem(List.of(blob, FabricHandleBlob.ofHandle(new byte[64]))));
        assertArrayEquals(handle, FabricHandleBlob.handle(blob));
    }

    @Test
    void aRankThatCouldNotExportMakesEveryRankSkipWithItsWords() {
        List<byte[]> gathered = List.of(FabricHandleBlob.ofHandle(new byte[64]),
                FabricHandleBlob.ofProblem("cannot share memory through fabric handles here (no IMEX channel)"),
                FabricHandleBlob.ofProblem("a later rank's words"));
        assertEquals(Optional.of("cannot share memory through fabric handles here (no IMEX channel)"), FabricHandleBlob.firstProblem(gathered));
    }

    @Test
    void aHandleIsSixtyFourBytes() {
        assertThrows(IllegalArgumentException.class, () -> FabricHandleBlob.ofHandle(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> FabricHandleBlob.handle(FabricHandleBlob.ofProblem("no")));
    }
}

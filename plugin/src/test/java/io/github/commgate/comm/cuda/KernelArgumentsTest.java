package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.Test;

/**
 * Needs no GPU (JavaCPP's host memory only): arguments land where the C rules put the kernels'
 * parameters, the layouts native/README.md tabulates, and each holds its value.
 */
class KernelArgumentsTest {

    private static List<KernelArguments.Slot> slots(long... offsetSizePairs) {
        KernelArguments.Slot[] slots = new KernelArguments.Slot[offsetSizePairs.length / 2];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new KernelArguments.Slot(offsetSizePairs[2 * i], offsetSizePairs[2 * i + 1]);
        }
        return List.of(slots);
    }

    @Test
    void twoPeersAnOutputARankAndACountLieAsTheOneShotDeclaresThem() {
        try (BytePointer peers = new BytePointer(64);
             KernelArguments arguments = new KernelArguments().peers(peers).peers(peers).pointer(0x1000).int32(3).int64(99)) {
            assertEquals(slots(0, 64, 64, 64, 128, 8, 136, 4, 144, 8), arguments.layout());
        }
    }

    @Test
    void aPeersStructAfterAPointerIsAlignedToSixteenBytes() {
        try (BytePointer peers = new BytePointer(64);
             KernelArguments arguments = new KernelArguments().pointer(0x1000).peers(peers).int32(1).int64(2)) {
            assertEquals(slots(0, 8, 16, 64, 80, 4, 88, 8), arguments.layout(), "multimem: void*, Peers, int, long long");
        }
    }

    @Test
    void eachEntryOfTheArrayPointsAtItsArgumentsValue() {
        try (BytePointer peers = new BytePointer(64);
             KernelArguments arguments = new KernelArguments().peers(peers).pointer(0xABCDEF00L).int32(-7).int64(1L << 40)) {
            PointerPointer<Pointer> array = arguments.array();
            assertEquals(peers.address(), array.get(0).address(), "a Peers struct is passed as its own host memory");
            assertEquals(0xABCDEF00L, new LongPointer(array.get(1)).get());
            assertEquals(-7, new IntPointer(array.get(2)).get());
            assertEquals(1L << 40, new LongPointer(array.get(3)).get());
        }
    }
}

package io.github.commgate.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MeasuringProtocolTest {

    private static final long MIB = 1 << 20;
    /** bf16 (sequence length, 8192): 16 KiB per sequence position. */
    private static AllReducePoint mib(int mebibytes) {
        return new AllReducePoint(mebibytes * 64, 8192, DType.BF16);
    }

    private static List<Long> offsets(MeasuringProtocol protocol, AllReducePoint point) {
        return IntStream.range(0, protocol.cycles()).mapToObj(k -> protocol.offsetBytes(point, k) / MIB).toList();
    }

    @Test
    void withoutARotatingBufferEveryAllReduceUsesTheStartOfItsBuffers() {
        MeasuringProtocol warm = new MeasuringProtocol(5, 50, 10);
        assertFalse(warm.rotates());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), offsets(warm, mib(2)));
        assertEquals(1, warm.slots(mib(2)));
        assertEquals(128 * MIB, warm.bufferBytes(128 * MIB));
    }

    @Test
    void allReduceKShiftsByKSizesModuloTheSizesThatFitAsNcclTestsStartColl() {
        MeasuringProtocol cold = new MeasuringProtocol(5, 50, 10, 128 * MIB);
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L), offsets(cold, mib(2)));
        assertEquals(10, cold.slots(mib(2)));
        // 48 MiB: two fit in 128 MiB (nccl-tests' steps = maxbytes / size, rounded down).
        assertEquals(List.of(0L, 48L, 0L, 48L, 0L, 48L, 0L, 48L, 0L, 48L), offsets(cold, mib(48)));
        assertEquals(2, cold.slots(mib(48)));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), offsets(cold, mib(128)));
        assertEquals(1, cold.slots(mib(128)));
        assertEquals(256 * MIB, new MeasuringProtocol(5, 50, 10, 256 * MIB).bufferBytes(128 * MIB));
    }
}

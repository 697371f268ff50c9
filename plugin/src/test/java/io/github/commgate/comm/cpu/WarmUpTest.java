package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    private static final MeasuringProtocol PROTOCOL = new MeasuringProtocol(5, 50, 10);

    private static AllReducePoint point(int sequenceLength) {
        return new AllReducePoint(sequenceLength, 8192, DType.BF16);
    }

    @Test
    void theFirstPointWarmsTheJitUpWithHalfAGibibyteOfAllReduces() {
        // 5 rounds of 10, plus 512 MiB in 32 MiB all-reduces.
        assertEquals(50 + 16, SharedMemoryAllReduce.warmUpAllReduces(point(2048), PROTOCOL, false));
        // Later points: 64 MiB more.
        assertEquals(50 + 2, SharedMemoryAllReduce.warmUpAllReduces(point(2048), PROTOCOL, true));
    }

    @Test
    void tinyPointsAreCappedSoTheirWarmUpStaysShort() {
        assertEquals(50 + 4096, SharedMemoryAllReduce.warmUpAllReduces(point(1), PROTOCOL, false));
        assertEquals(50 + 256, SharedMemoryAllReduce.warmUpAllReduces(point(16), PROTOCOL, true));
    }
}

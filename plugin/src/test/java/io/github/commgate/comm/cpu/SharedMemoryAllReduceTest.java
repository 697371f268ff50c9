package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.ExactSumCheck;
import io.github.commgate.comm.ExactSumPattern;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.comm.PointMeasurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both algorithms, with threads standing in for ranks over a real shared-memory file. */
class SharedMemoryAllReduceTest {

    /** Spans several chunks and does not split evenly by 3 or 8 ranks. */
    private static final int MANY_VECTORS = 1237;
    private static final long MAX_BYTES = 64 * 1024;

    @TempDir
    Path scratch;

    static Stream<Arguments> algorithmsRankCountsAndDtypes() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : SharedMemoryCommunicators.REGISTRY.names()) {
            for (int ranks : new int[] {2, 3, 4, 8}) {
                for (DType dtype : DType.values()) {
                    cases.add(Arguments.of(name, ranks, dtype));
                }
            }
        }
        return cases.stream();
    }

    /** A point of {@code vectors} 16-byte vectors of {@code dtype}. */
    static AllReducePoint point(int vectors, DType dtype) {
        return new AllReducePoint(vectors, 16 / dtype.bytes(), dtype);
    }

    @ParameterizedTest(name = "{0} on {1} ranks in {2}")
    @MethodSource("algorithmsRankCountsAndDtypes")
    void everyRankEndsWithTheExactSumBitForBit(String name, int ranks, DType dtype) throws Exception {
        List<AllReducePoint> points = List.of(point(5, dtype), point(1, dtype), point(MANY_VECTORS, dtype));
        List<List<byte[]>> outputs = new ThreadRanks(ranks).run(scratch, MAX_BYTES, context -> {
            List<byte[]> mine = new ArrayList<>();
            try (SharedMemoryAllReduce communicator =
                         (SharedMemoryAllReduce) SharedMemoryCommunicators.REGISTRY.open(name, context)) {
                for (AllReducePoint point : points) {
                    PointMeasurement measured = communicator.measure(point);
                    assertEquals(Correctness.exact(), measured.correctness(), point.toString());
                    assertEquals(context.protocol().trials(), measured.latencyMicros().length);
                    byte[] result = new byte[(int) point.bytes()];
                    communicator.output.bytes().get(0, result);
                    mine.add(result);
                }
            }
            return mine;
        });
        for (int p = 0; p < points.size(); p++) {
            byte[] expected = expectedBytes(points.get(p), ranks);
            for (int rank = 0; rank < ranks; rank++) {
                assertArrayEquals(expected, outputs.get(rank).get(p), "rank " + rank + ", " + points.get(p));
            }
        }
    }

    /** The exact sum, encoded as the output buffer holds it (native order). */
    private byte[] expectedBytes(AllReducePoint point, int ranks) {
        TypedSegment segment = TypedSegment.of(java.nio.ByteBuffer.allocate((int) point.bytes()));
        int elements = (int) point.elementCount();
        int[] bits = new int[elements];
        for (int i = 0; i < elements; i++) {
            bits[i] = ExactSumPattern.expectedBits(ranks, i, point.dtype());
        }
        segment.putBits(point.dtype(), 0, bits, elements);
        byte[] bytes = new byte[(int) point.bytes()];
        segment.bytes().get(0, bytes);
        return bytes;
    }

    @Test
    void countersKeepWorkingOverManyConsecutiveAllReducesAndPoints() throws Exception {
        for (String name : SharedMemoryCommunicators.REGISTRY.names()) {
            // 10 x 10 timed plus 2 x 10 warm-up all-reduces: 240 barriers per point.
            List<Boolean> correct = new ThreadRanks(8, new MeasuringProtocol(2, 10, 10)).run(scratch, MAX_BYTES, context -> {
                boolean all = true;
                try (var communicator = SharedMemoryCommunicators.REGISTRY.open(name, context)) {
                    for (DType dtype : DType.values()) {
                        PointMeasurement measured = communicator.measure(point(13, dtype));
                        all &= measured.correctness().correct();
                    }
                }
                return all;
            });
            assertEquals(List.of(true, true, true, true, true, true, true, true), correct, name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aCorruptedInputIsCaughtAsAMismatchOnEveryRank(String name) throws Exception {
        AllReducePoint point = point(MANY_VECTORS, DType.BF16);
        int corrupted = 1234;
        List<Correctness> checks = new ThreadRanks(3).run(scratch, MAX_BYTES, context -> {
            try (SharedMemoryAllReduce communicator =
                         (SharedMemoryAllReduce) SharedMemoryCommunicators.REGISTRY.open(name, context)) {
                communicator.fillInputs(point);
                context.rendezvous().barrier();
                if (context.rank() == 0) {
                    // Rank 2's input at one element becomes 1 larger, through rank 0's mapping.
                    float wrong = ExactSumPattern.input(2, corrupted) + 1;
                    short bits = (short) ExactSumPattern.encode(wrong, DType.BF16);
                    communicator.inputs[2].shorts().put(corrupted, bits);
                }
                context.rendezvous().barrier();
                return communicator.checkedAllReduce(point);
            }
        });
        float sum = ExactSumPattern.expectedSum(3, corrupted);
        String expected = ExactSumCheck.describe(corrupted,
                ExactSumPattern.encode(sum, DType.BF16), ExactSumPattern.encode(sum + 1, DType.BF16),
                DType.BF16);
        for (Correctness check : checks) {
            assertEquals(new Correctness(1, expected), check);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void withARotatingBufferEachAllReduceOfARoundMovesToItsOwnOffsetAndStaysExact(String name) throws Exception {
        AllReducePoint point = point(MANY_VECTORS, DType.BF16);
        // Three sizes fit: all-reduce k of a round works at (k mod 3) sizes, as nccl-tests shifts its pointers.
        MeasuringProtocol protocol = new MeasuringProtocol(1, 2, 4, 3 * point.bytes() + 100);
        assertEquals(List.of(0L, point.bytes(), 2 * point.bytes(), 0L),
                List.of(protocol.offsetBytes(point, 0), protocol.offsetBytes(point, 1), protocol.offsetBytes(point, 2),
                        protocol.offsetBytes(point, 3)));
        int corrupted = 77;
        List<List<Correctness>> checks = new ThreadRanks(3, protocol).run(scratch, point.bytes(), context -> {
            try (SharedMemoryAllReduce communicator =
                         (SharedMemoryAllReduce) SharedMemoryCommunicators.REGISTRY.open(name, context)) {
                Correctness measured = communicator.measure(point).correctness();
                List<Correctness> outputs = new ArrayList<>();
                for (int slot = 0; slot < 3; slot++) {
                    outputs.add(context.exactSums().check(communicator.output.bytes(),
                            (int) protocol.offsetBytes(point, slot), point));
                }
                // Rank 2's input at the second offset only becomes wrong: only the all-reduce there can see it.
                communicator.fillInputs(point);
                context.rendezvous().barrier();
                if (context.rank() == 0) {
                    int element = (int) (protocol.offsetBytes(point, 1) / 2) + corrupted;
                    float wrong = ExactSumPattern.input(2, corrupted) + 1;
                    communicator.inputs[2].shorts().put(element, (short) ExactSumPattern.encode(wrong, DType.BF16));
                }
                context.rendezvous().barrier();
                List<Correctness> all = new ArrayList<>(List.of(measured));
                all.addAll(outputs);
                all.add(communicator.checkedAllReduce(point));
                return all;
            }
        });
        float sum = ExactSumPattern.expectedSum(3, corrupted);
        String atSecondOffset = "at rotating offset " + point.bytes() + " bytes: " + ExactSumCheck.describe(corrupted,
                ExactSumPattern.encode(sum, DType.BF16), ExactSumPattern.encode(sum + 1, DType.BF16), DType.BF16);
        for (List<Correctness> rank : checks) {
            assertEquals(List.of(Correctness.exact(), Correctness.exact(), Correctness.exact(), Correctness.exact(),
                    new Correctness(1, atSecondOffset)), rank);
        }
    }

    static Stream<String> names() {
        return SharedMemoryCommunicators.REGISTRY.names().stream();
    }

    @Test
    void aMismatchIsDescribedWithValuesAndBits() {
        assertEquals("element 1234: expected 3.0 (0x4040), got 2.0 (0x4000)",
                ExactSumCheck.describe(1234, 0x4040, 0x4000, DType.BF16));
        assertEquals("element 7: expected 3.0 (0x40400000), got NaN (0xFFFFFFFF)",
                ExactSumCheck.describe(7, 0x40400000, 0xFFFFFFFF, DType.FP32));
    }

    @Test
    void trafficFormulasCountBytesReadAndWrittenByAllRanks() {
        long mib32 = 32L << 20;
        assertEquals(6 * mib32, ShmOneShotAllReduce.memoryTrafficBytes(mib32, 2));
        assertEquals(72 * mib32, ShmOneShotAllReduce.memoryTrafficBytes(mib32, 8));
        assertEquals(7 * mib32, ShmTwoShotAllReduce.memoryTrafficBytes(mib32, 2));
        assertEquals(25 * mib32, ShmTwoShotAllReduce.memoryTrafficBytes(mib32, 8));
        assertTrue(ShmTwoShotAllReduce.memoryTrafficBytes(mib32, 4)
                < ShmOneShotAllReduce.memoryTrafficBytes(mib32, 4));
    }
}

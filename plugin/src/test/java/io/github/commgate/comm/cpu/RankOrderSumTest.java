package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.DType;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two ways {@link RankOrderSum} reads the segments, straight from the buffers and through
 * heap chunks, give the same bits: a run's ranks may take different paths only if they agree.
 * Ranges start at 16-byte vectors that are not whole Vector API vectors, as two-shot slices do,
 * and end in tails shorter than one.
 */
class RankOrderSumTest {

    private static final int[] VECTOR_COUNTS = {1, 3, 4, 5, 17, 255, 1024, 4099};

    @Test
    void buffersAreLoadedDirectlyExactlyWhereTheIncubatorHasTheMethods() {
        // The ByteBuffer loads left the incubator in JDK 20.
        boolean expected = RankOrderKernels.vectorized() && Runtime.version().feature() < 20;
        assertEquals(expected, RankOrderKernels.loadsFromBuffers());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"BF16", "FP32"})
    void directAndChunkedSumsAgreeBitForBit(DType dtype) {
        SplittableRandom random = new SplittableRandom(dtype.ordinal());
        int elementsPerVector = SharedMemoryAllReduce.VECTOR_BYTES / dtype.bytes();
        for (int ranks : new int[] {2, 3, 8}) {
            for (int vectors : VECTOR_COUNTS) {
                int offset = random.nextInt(4) * elementsPerVector;
                int elements = vectors * elementsPerVector;
                TypedSegment[] inputs = randomSegments(ranks, (offset + elements) * dtype.bytes(), random);
                TypedSegment direct = segment(elements * dtype.bytes());
                TypedSegment chunked = segment(elements * dtype.bytes());
                new RankOrderSum().sum(dtype, inputs, offset, offset + elements, direct, 0);
                new RankOrderSum(false).sum(dtype, inputs, offset, offset + elements, chunked, 0);
                assertEquals(chunked.bytes(), direct.bytes(),
                        dtype + ", " + ranks + " ranks, " + vectors + " vectors from element " + offset);
            }
        }
    }

    private static TypedSegment[] randomSegments(int ranks, int bytes, SplittableRandom random) {
        TypedSegment[] segments = new TypedSegment[ranks];
        for (int rank = 0; rank < ranks; rank++) {
            segments[rank] = segment(bytes);
            for (int i = 0; i < bytes / Integer.BYTES; i++) {
                // Finite values only: NaN payloads may differ by operand order (RankOrderKernelsTest).
                segments[rank].ints().put(i, random.nextInt() & 0x3FFF_3FFF);
            }
        }
        return segments;
    }

    private static TypedSegment segment(int bytes) {
        return TypedSegment.of(ByteBuffer.allocateDirect(bytes));
    }
}

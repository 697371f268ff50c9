package io.github.commgate.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExactSumPatternTest {

    private static final int INDICES = 20_000;

    @Test
    void sumsAreExactInEveryDtypeForEveryWorldSizeAndSummationOrder() {
        for (DType dtype : DType.values()) {
            for (int worldSize = 1; worldSize <= ExactSumPattern.MAX_WORLD_SIZE; worldSize++) {
                for (long index = 0; index < INDICES; index++) {
                    int expected = ExactSumPattern.expectedBits(worldSize, index, dtype);
                    String where = dtype + ", " + worldSize + " ranks, element " + index;
                    assertEquals(expected, narrowSum(worldSize, index, dtype, false), where);
                    assertEquals(expected, narrowSum(worldSize, index, dtype, true), where);
                    assertEquals(ExactSumPattern.expectedSum(worldSize, index),
                            ExactSumPattern.decode(expected, dtype), where);
                }
            }
        }
    }

    /** Sums in the narrow type itself, rounding after every addition, as a bf16 kernel would. */
    private static int narrowSum(int worldSize, long index, DType dtype, boolean reversed) {
        float sum = 0;
        for (int i = 0; i < worldSize; i++) {
            int rank = reversed ? worldSize - 1 - i : i;
            float input = ExactSumPattern.decode(ExactSumPattern.inputBits(rank, index, dtype), dtype);
            sum = ExactSumPattern.decode(ExactSumPattern.encode(sum + input, dtype), dtype);
        }
        return ExactSumPattern.encode(sum, dtype);
    }

    @Test
    void inputsAreSmallMultiplesOfAQuarter() {
        for (int rank = 0; rank < ExactSumPattern.MAX_WORLD_SIZE; rank++) {
            for (long index = 0; index < INDICES; index++) {
                float input = ExactSumPattern.input(rank, index);
                assertTrue(Math.abs(input) <= 7.5f, Float.toString(input));
                assertEquals(Math.rint(input * 4), input * 4, Float.toString(input));
            }
        }
    }

    @Test
    void valuesVaryWithIndexAndRankSoMisplacedElementsAndMissingRanksShow() {
        Set<Float> distinct = new HashSet<>();
        int sameAsNextIndex = 0;
        int sameAsNextRank = 0;
        int zeros = 0;
        for (long index = 0; index < INDICES; index++) {
            distinct.add(ExactSumPattern.input(0, index));
            sameAsNextIndex += ExactSumPattern.input(0, index) == ExactSumPattern.input(0, index + 1) ? 1 : 0;
            sameAsNextRank += ExactSumPattern.input(3, index) == ExactSumPattern.input(4, index) ? 1 : 0;
            zeros += ExactSumPattern.input(7, index) == 0 ? 1 : 0;
        }
        assertEquals(61, distinct.size());
        // Each is about 1 in 61 by chance; a ramp or a rank-independent pattern would be far off.
        assertTrue(sameAsNextIndex < INDICES / 30, "same as next index: " + sameAsNextIndex);
        assertTrue(sameAsNextRank < INDICES / 30, "same as next rank: " + sameAsNextRank);
        assertTrue(zeros < INDICES / 30, "zeros, where a missing rank would not show: " + zeros);
        // Elements far apart (a whole slice or chunk away) differ too.
        assertTrue(ExactSumPattern.input(1, 5) != ExactSumPattern.input(1, 5 + 4096)
                || ExactSumPattern.input(1, 6) != ExactSumPattern.input(1, 6 + 4096));
    }

    @Test
    void encodingsAreTheDtypesBitPatterns() {
        assertEquals(0x4040, ExactSumPattern.encode(3.0f, DType.BF16));
        assertEquals(0x4200, ExactSumPattern.encode(3.0f, DType.FP16));
        assertEquals(0x40400000, ExactSumPattern.encode(3.0f, DType.FP32));
        assertEquals(0xBE80, ExactSumPattern.encode(-0.25f, DType.BF16));
        assertEquals(-0.25f, ExactSumPattern.decode(0xB400, DType.FP16));
    }

    @Test
    void worldSizesOutsideOneToEightAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExactSumPattern.expectedSum(9, 0));
        assertThrows(IllegalArgumentException.class, () -> ExactSumPattern.expectedSum(0, 0));
    }
}

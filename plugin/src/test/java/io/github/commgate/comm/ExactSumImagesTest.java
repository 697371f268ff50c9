package io.github.commgate.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExactSumImagesTest {

    /** What every rank's output must be: the exact sum, element by element, as ExactSumPattern encodes it. */
    private static ByteBuffer exactSums(AllReducePoint point, int worldSize, int offset) {
        ByteBuffer output = ByteBuffer.allocate(offset + (int) point.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < point.elementCount(); i++) {
            int bits = ExactSumPattern.expectedBits(worldSize, i, point.dtype());
            if (point.dtype().bytes() == 2) {
                output.putShort(offset + 2 * i, (short) bits);
            } else {
                output.putInt(offset + 4 * i, bits);
            }
        }
        return output;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theImagesHoldTheInputsAndSumsOfEveryPointUpToTheLargest(DType dtype) {
        ExactSumImages images = ExactSumImages.computeInBackground(1, 3, DType.BF16, 100_000);
        AllReducePoint point = new AllReducePoint(7, 1001, dtype);
        assertEquals(dtype == DType.BF16, images.covers(point));
        ByteBuffer inputs = ByteBuffer.allocate(64 + (int) point.bytes());
        images.writeInputs(inputs, 64, point);
        ByteBuffer view = inputs.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < point.elementCount(); i += 997) {
            int bits = dtype.bytes() == 2 ? view.getShort(64 + 2 * i) & 0xFFFF : view.getInt(64 + 4 * i);
            assertEquals(ExactSumPattern.inputBits(1, i, dtype), bits, "element " + i);
        }
        assertEquals(Correctness.exact(), images.check(exactSums(point, 3, 32), 32, point));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aWrongElementIsCountedAndDescribedAsTheElementWiseCheckDoes(DType dtype) {
        ExactSumImages images = ExactSumImages.computeInBackground(0, 4, DType.BF16, 1 << 20);
        AllReducePoint point = new AllReducePoint(3, 4096, dtype);
        ByteBuffer output = exactSums(point, 4, 0);
        int wrong = 5000;
        ExactSumCheck reference = new ExactSumCheck(4, dtype);
        for (int i = 0; i < point.elementCount(); i++) {
            int bits = ExactSumPattern.expectedBits(4, i, dtype) ^ (i == wrong || i == wrong + 1 ? 1 : 0);
            if (dtype.bytes() == 2) {
                output.putShort(2 * i, (short) bits);
            } else {
                output.putInt(4 * i, bits);
            }
            reference.compare(i, bits);
        }
        Correctness checked = images.check(output, 0, point);
        assertFalse(checked.correct());
        assertEquals(reference.result(), checked);
        assertEquals(2, checked.mismatches());
        assertTrue(checked.firstMismatch().startsWith("element 5000: "), checked.firstMismatch());
    }
}

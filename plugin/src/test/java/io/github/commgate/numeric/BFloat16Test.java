package io.github.commgate.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BFloat16Test {

    @Test
    void knownValuesHaveTheirPublishedBitPatterns() {
        assertEquals((short) 0x3F80, BFloat16.fromFloat(1.0f));
        assertEquals((short) 0xC000, BFloat16.fromFloat(-2.0f));
        assertEquals((short) 0x4040, BFloat16.fromFloat(3.0f));
        assertEquals((short) 0x4049, BFloat16.fromFloat((float) Math.PI));
        assertEquals((short) 0x0000, BFloat16.fromFloat(0.0f));
        assertEquals((short) 0x8000, BFloat16.fromFloat(-0.0f));
        assertEquals((short) 0x7F7F, BFloat16.fromFloat(Float.intBitsToFloat(0x7F7F0000)));
        assertEquals(3.0f, BFloat16.toFloat((short) 0x4040));
        assertEquals(-2.0f, BFloat16.toFloat((short) 0xC000));
    }

    @Test
    void tiesRoundToTheEvenNeighbour() {
        // 1 + 2^-8 is halfway between 1.0 (even mantissa) and 1 + 2^-7 (odd): stays at 1.0.
        assertEquals((short) 0x3F80, BFloat16.fromFloat(Float.intBitsToFloat(0x3F808000)));
        // Halfway above an odd mantissa rounds up to the even one.
        assertEquals((short) 0x3F82, BFloat16.fromFloat(Float.intBitsToFloat(0x3F818000)));
        // Just above half rounds up, just below rounds down.
        assertEquals((short) 0x3F81, BFloat16.fromFloat(Float.intBitsToFloat(0x3F808001)));
        assertEquals((short) 0x3F81, BFloat16.fromFloat(Float.intBitsToFloat(0x3F817FFF)));
    }

    @Test
    void roundingPastTheLargestFiniteValueGivesInfinity() {
        assertEquals(BFloat16.POSITIVE_INFINITY, BFloat16.fromFloat(Float.MAX_VALUE));
        assertEquals(BFloat16.NEGATIVE_INFINITY, BFloat16.fromFloat(-Float.MAX_VALUE));
        assertEquals(BFloat16.POSITIVE_INFINITY, BFloat16.fromFloat(Float.POSITIVE_INFINITY));
        assertEquals(Float.NEGATIVE_INFINITY, BFloat16.toFloat(BFloat16.NEGATIVE_INFINITY));
    }

    @Test
    void nanStaysNanEvenWhenItsPayloadIsOnlyInTheDroppedBits() {
        assertEquals(BFloat16.NaN, BFloat16.fromFloat(Float.NaN));
        short narrowed = BFloat16.fromFloat(Float.intBitsToFloat(0x7F800001));
        assertTrue(BFloat16.isNaN(narrowed), Integer.toHexString(narrowed));
        assertTrue(BFloat16.isNaN(BFloat16.fromFloat(Float.intBitsToFloat(0xFFFFFFFF))));
        assertTrue(Float.isNaN(BFloat16.toFloat((short) 0xFFFF)));
    }

    @Test
    void everyBFloat16SurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            short value = (short) bits;
            if (!BFloat16.isNaN(value)) {
                assertEquals(value, BFloat16.fromFloat(BFloat16.toFloat(value)), Integer.toHexString(bits));
            }
        }
    }

    @Test
    void randomFloatsRoundToTheNearestBFloat16() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(value) || Float.isInfinite(value)) {
                continue;
            }
            int bits = Float.floatToRawIntBits(value);
            float below = Float.intBitsToFloat(bits & 0xFFFF0000);
            float above = Float.intBitsToFloat((bits & 0xFFFF0000) + 0x10000);
            // Past the largest finite value the next step is 2^128 as far as rounding goes.
            double aboveForRounding = Float.isInfinite(above) ? Math.copySign(0x1p128, value) : above;
            double toBelow = Math.abs((double) value - below);
            double toAbove = Math.abs(aboveForRounding - value);
            boolean belowIsEven = (bits & 0x10000) == 0;
            float nearest = toBelow < toAbove || (toBelow == toAbove && belowIsEven) ? below : above;
            assertEquals(nearest, BFloat16.toFloat(BFloat16.fromFloat(value)), Float.toString(value));
        }
    }
}

package io.github.commgate.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Float16Test {

    @Test
    void knownValuesHaveTheirPublishedBitPatterns() {
        assertEquals((short) 0x3C00, Float16.fromFloat(1.0f));
        assertEquals((short) 0xC000, Float16.fromFloat(-2.0f));
        assertEquals((short) 0x4200, Float16.fromFloat(3.0f));
        assertEquals((short) 0x3555, Float16.fromFloat(1.0f / 3));
        assertEquals(Float16.MAX_VALUE, Float16.fromFloat(65504f));
        assertEquals((short) 0x0400, Float16.fromFloat(0x1p-14f));
        assertEquals((short) 0x8000, Float16.fromFloat(-0.0f));
        assertEquals(65504f, Float16.toFloat(Float16.MAX_VALUE));
    }

    @Test
    void subnormalsConvertExactlyBothWays() {
        assertEquals((short) 0x0001, Float16.fromFloat(0x1p-24f));
        assertEquals((short) 0x03FF, Float16.fromFloat(0x3FFp-24f));
        assertEquals((short) 0x8200, Float16.fromFloat(-0x1p-15f));
        assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001));
        assertEquals(-0x3FFp-24f, Float16.toFloat((short) 0x83FF));
    }

    @Test
    void tiesRoundToTheEvenNeighbourInNormalsAndSubnormals() {
        assertEquals((short) 0x3C00, Float16.fromFloat(1 + 0x1p-11f));
        assertEquals((short) 0x3C02, Float16.fromFloat(1 + 3 * 0x1p-11f));
        // Half the smallest subnormal ties to zero; a bit more rounds up to it.
        assertEquals((short) 0x0000, Float16.fromFloat(0x1p-25f));
        assertEquals((short) 0x0001, Float16.fromFloat(Math.nextUp(0x1p-25f)));
        // 1.5 and 2.5 subnormal steps go to 2.
        assertEquals((short) 0x0002, Float16.fromFloat(0x3p-25f));
        assertEquals((short) 0x0002, Float16.fromFloat(0x5p-25f));
        // The largest subnormal plus half a step rounds up into the normals.
        assertEquals((short) 0x0400, Float16.fromFloat(0x7FFp-25f));
    }

    @Test
    void largeValuesOverflowToInfinityAtTheRoundingBoundary() {
        assertEquals(Float16.MAX_VALUE, Float16.fromFloat(Math.nextDown(65520f)));
        assertEquals(Float16.POSITIVE_INFINITY, Float16.fromFloat(65520f));
        assertEquals(Float16.NEGATIVE_INFINITY, Float16.fromFloat(-1e10f));
        assertEquals(Float16.POSITIVE_INFINITY, Float16.fromFloat(Float.POSITIVE_INFINITY));
        assertEquals(Float.NEGATIVE_INFINITY, Float16.toFloat(Float16.NEGATIVE_INFINITY));
    }

    @Test
    void nanStaysNan() {
        assertEquals(Float16.NaN, Float16.fromFloat(Float.NaN));
        assertTrue(Float16.isNaN(Float16.fromFloat(Float.intBitsToFloat(0x7F800001))));
        assertTrue(Float16.isNaN(Float16.fromFloat(Float.intBitsToFloat(0xFFFFFFFF))));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0x7C01)));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0xFFFF)));
    }

    @Test
    void everyFloat16SurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            short value = (short) bits;
            if (!Float16.isNaN(value)) {
                assertEquals(value, Float16.fromFloat(Float16.toFloat(value)), Integer.toHexString(bits));
            }
        }
    }

    @Test
    void randomFloatsInRangeRoundToTheNearestFloat16() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            // Exponents from well below the subnormals to just past the largest finite value.
            float value = (float) ((random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-30, 18)));
            short bits = Float16.fromFloat(value);
            float result = Float16.toFloat(bits);
            float neighbour = Float16.toFloat(next(bits, Math.abs(result) < Math.abs(value)));
            double error = Math.abs((double) result - value);
            double other = Math.abs((double) neighbour - value);
            if (Float.isInfinite(result)) {
                assertTrue(Math.abs(value) >= 65520f, Float.toString(value));
                continue;
            }
            assertTrue(error < other || (error == other && (bits & 1) == 0),
                    value + " -> " + result + " but " + neighbour + " is nearer or even");
        }
    }

    /** The binary16 one step away from zero ({@code outward}) or toward it, same sign. */
    private static short next(short bits, boolean outward) {
        if ((bits & 0x7FFF) == 0) {
            return outward ? (short) (bits + 1) : bits;
        }
        return (short) (outward ? bits + 1 : bits - 1);
    }
}

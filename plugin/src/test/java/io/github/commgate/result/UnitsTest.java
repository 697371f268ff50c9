package io.github.commgate.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void sizesReadInTheBinaryUnitThatKeepsTheNumberAtOneOrMoreEverywhere() {
        assertEquals("256 KiB", Units.size(262_144));
        assertEquals("2 MiB (seq 128)", Units.sizeOfSequence(2_097_152, 128));
        assertEquals("shm-oneshot 64 MiB", Units.pointLabel("shm-oneshot", 67_108_864));
        assertEquals("16 KiB", Units.size(16_384));
        assertEquals("1.5 MiB", Units.size(1_572_864));
        assertEquals("128 MiB", Units.size(134_217_728));
    }

    @Test
    void aSizeBetweenRoundNumbersKeepsThreeSignificantDigitsAndASmallOneCountsBytes() {
        assertEquals("1.56 MiB", Units.size(1_638_400));
        assertEquals("128 KiB", Units.size(131_072));
        assertEquals("512 B", Units.size(512));
        assertEquals("1023 KiB", Units.size(1023 * 1024));
        assertEquals("1023 MiB", Units.size(1023L << 20));
        assertEquals("1 GiB", Units.size(1L << 30));
        assertEquals("2 GiB", Units.size(2L << 30));
        assertEquals("1.5 GiB", Units.size(3L << 29));
    }

    @Test
    void latenciesReadToTheTenthOrTheHundredthWhereALimitIsCompared() {
        assertEquals("40.2 us", Units.micros(40.2));
        assertEquals("812.3", Units.microsNumber(812.31));
        assertEquals("812.31 us", Units.microsToHundredths(812.31));
    }

    @Test
    void chartTicksKeepThreeSignificantDigitsAndAbsurdOnesStayShort() {
        assertEquals("200", Units.significant(200));
        assertEquals("0.25", Units.significant(0.25));
        assertEquals("1230", Units.significant(1234.5));
        assertEquals("1E+308", Units.significant(1e308));
        assertEquals("Infinity", Units.significant(Double.POSITIVE_INFINITY));
        assertEquals("NaN", Units.significant(Double.NaN));
    }
}

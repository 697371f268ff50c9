package io.github.commgate.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void sizesReadInMebibytesToTheHundredthEverywhere() {
        assertEquals("0.25 MiB", Units.size(262_144));
        assertEquals("2.00 MiB (seq 128)", Units.sizeOfSequence(2_097_152, 128));
        assertEquals("shm-oneshot 64.00 MiB", Units.pointLabel("shm-oneshot", 67_108_864));
    }

    @Test
    void sizesOnAChartAreLabelledAsPeopleSayThem() {
        assertEquals("16 KiB", Units.roundSize(16_384));
        assertEquals("256 KiB", Units.roundSize(262_144));
        assertEquals("2 MiB", Units.roundSize(2_097_152));
        assertEquals("1.5 MiB", Units.roundSize(1_572_864));
        assertEquals("128 MiB", Units.roundSize(134_217_728));
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

package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.result.RunTiming;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingLineTest {

    @Test
    void aCpuRunShowsItsStartUpItsPointsAndTheReportsInOneLine() {
        RunTiming timing = BenchmarkTableTest.TIMING.withHost(RunTiming.REPORTS, 0.12).withHost(RunTiming.TOTAL, 12.67);
        assertEquals("timing: start-up 0.72 s (plan 0.05 s, JVMs 0.42 s, setup 0.02 s, facts 0.11 s); points: inputs"
                + " 0.20 s, warm-up 3.10 s, timed 7.50 s, checks 0.40 s, waiting 0.30 s; teardown 0.01 s, reports 0.12 s;"
                + " total 12.67 s", TimingLine.of(timing));
    }

    @Test
    void aCudaRunNamesItsLibrariesCudaAndNccl() {
        RunTiming timing = new RunTiming(Map.of(RunTiming.JVM_START, 0.4, RunTiming.TOTAL, 2.0),
                Map.of("libraries", 0.3, "device", 0.2, "nccl", 0.25, "graphs", 0.1, "timed", 0.2));
        assertEquals("timing: start-up JVMs 0.40 s, libraries 0.30 s, CUDA 0.20 s, NCCL 0.25 s; points: graphs 0.10 s,"
                + " timed 0.20 s; total 2.00 s", TimingLine.of(timing));
    }

    @Test
    void aRunWithoutPhasesSaysSo() {
        assertEquals("timing: not measured", TimingLine.of(RunTiming.NONE));
    }
}

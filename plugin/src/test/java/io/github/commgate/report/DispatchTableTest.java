package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchTableTest {

    @Test
    void neighbouringSizesWithTheSameWinnerMergeIntoOneRange() {
        assertEquals(List.of(new DispatchTable.Range(262144, "shm-oneshot"), new DispatchTable.Range(16777216, "shm-twoshot")),
                DispatchTable.ranges(GateRuns.current()));
        assertEquals("dispatch (fastest per measured size): shm-oneshot up to 256 KiB, shm-twoshot above",
                DispatchTable.line(GateRuns.current()));
    }

    @Test
    void oneWinnerEverywhereIsOneRange() {
        assertEquals("dispatch (fastest per measured size): shm-oneshot up to 1 MiB",
                DispatchTable.line(BenchmarkTableTest.sampleRun()));
    }
}

package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.result.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTableTest {

    @Test
    void eachRowShowsTheSpreadOfTheSamplesBesideTheMedian() {
        RunResult run = GateRuns.current();
        List<String> lines = GateTable.lines(run, GateRuns.outcome(run));
        assertEquals("communicator             size   baseline us    current us    iqr us      delta     limit  catches"
                + "        p  verdict", lines.get(0));
        assertEquals("shm-oneshot             2 MiB         677.3         812.3       5.5    +19.9 %   +10.0 %   10.0 %    0.000"
                + "  REGRESSED", lines.get(3));
        assertEquals("shm-oneshot            64 MiB             -             -         -" + " ".repeat(41) + "INCORRECT",
                lines.get(7), "a wrong result has no figures to show");
    }
}

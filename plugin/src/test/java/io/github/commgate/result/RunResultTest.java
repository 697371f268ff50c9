package io.github.commgate.result;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.incorrect;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.gate.Runs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void theFastestAtASizeIsTheLowestCorrectMedianAndNothingWhereNothingWasMeasured() {
        RunResult run = Runs.run(List.of(
                measured("shm-oneshot", 16, around(40)), measured("shm-twoshot", 16, around(60)),
                incorrect("shm-oneshot", 128, around(10)), measured("shm-twoshot", 128, around(700)),
                skipped("shm-oneshot", 1024, "too large"), skipped("shm-twoshot", 1024, "too large")));
        assertEquals("shm-oneshot", run.fastestAt(16).orElseThrow().communicator());
        assertEquals("shm-twoshot", run.fastestAt(128).orElseThrow().communicator(), "a wrong result is never the fastest");
        assertEquals(Optional.empty(), run.fastestAt(1024));
    }

    @Test
    void aTieGoesToTheCommunicatorFirstInThePlan() {
        RunResult run = Runs.run(List.of(measured("shm-twoshot", 16, around(40)), measured("shm-oneshot", 16, around(40))));
        assertEquals(run.plan().communicators().get(0), run.fastestAt(16).orElseThrow().communicator());
    }
}

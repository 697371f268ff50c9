package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.commgate.plan.LaunchPlan;
import io.github.commgate.plan.Launcher;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine's tagged output becomes one log per rank, as forked ranks write them, and the engine's own. */
class EngineOutputTest {

    @Test
    void eachRanksLinesAreToldApartFromTheEnginesOwn() {
        assertEquals(Map.entry(3, "WARNING: x"), EngineOutput.rankLine(Launcher.MPIRUN, "[1,3]<stderr>:WARNING: x"));
        assertEquals(Map.entry(0, ""), EngineOutput.rankLine(Launcher.MPIRUN, "[1,0]<stdout>:"));
        assertNull(EngineOutput.rankLine(Launcher.MPIRUN, "mpirun noticed that process rank 1 with PID 0 on node vm exited on signal 9 (Killed)."));
        assertEquals(Map.entry(12, "at io.github.X"), EngineOutput.rankLine(Launcher.SRUN, "12: at io.github.X"));
        assertEquals(Map.entry(1, "x: y"), EngineOutput.rankLine(Launcher.SRUN, " 1: x: y"));
        assertNull(EngineOutput.rankLine(Launcher.SRUN, "srun: error: vm: task 1: Killed"));
    }

    @Test
    void everyRankGetsItsLogEvenASilentOneAndTheEngineKeepsItsOwn(@TempDir Path directory) throws Exception {
        LaunchSettings settings = new LaunchSettings(Path.of("java"), List.of(), Map.of(), List.of(), directory, Duration.ofSeconds(1))
                .withLaunch(new LaunchPlan(Launcher.SRUN, "srun", List.of(), InetAddress.getLoopbackAddress()));
        String output = String.join("\n", "0: starting", "srun: error: vm: task 1: Killed", "1: dying", "0: done", "");
        new EngineOutput(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), settings, 3).run();
        assertEquals(List.of("starting", "done"), Files.readAllLines(directory.resolve("rank-0.log")));
        assertEquals(List.of("dying"), Files.readAllLines(directory.resolve("rank-1.log")));
        assertEquals(List.of(), Files.readAllLines(directory.resolve("rank-2.log")));
        assertEquals(List.of("srun: error: vm: task 1: Killed"), Files.readAllLines(directory.resolve("srun.log")));
    }
}

package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds updating one baseline at once, the second a real process: neither change is lost. */
class BaselineFileUpdateTest {

    @TempDir
    Path directory;

    @Test
    void aSecondUpdateWaitsSaysSoAndMergesOntoWhatTheFirstWroteKeepingBothReasons() throws Exception {
        Path file = directory.resolve("cpu.json");
        BaselineFile.write(Runs.baselineOf(run(List.of(measured("shm-oneshot", 128, around(677.3)),
                measured("shm-twoshot", 128, around(700))))), file);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BaselineUpdateInAnotherProcess.class.getName(), file.toString(),
                "shm-oneshot", "the other build's reason", "1500").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            List<String> said = new ArrayList<>();
            BaselineFileUpdate.Written written = BaselineFileUpdate.apply(new BaselineUpdate(Runs.TEN_PERCENT,
                    Set.of("shm-twoshot"), "this build's reason"), file, List.of(run(List.of(measured("shm-twoshot", 128,
                    around(900))))), Runs.PROVENANCE, said::add);
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue());
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).startsWith("waiting for another build that is updating " + file + "; waited 0 s"), said.get(0));
            assertTrue(written.replaced());
        }
        Baseline merged = BaselineFile.read(file);
        assertEquals(900, merged.point("shm-oneshot", 128).orElseThrow().medianMicros(), 1e-9);
        assertEquals(900, merged.point("shm-twoshot", 128).orElseThrow().medianMicros(), 1e-9);
        assertEquals("the other build's reason; this build's reason", merged.reason());
        assertEquals(Optional.of("this build's reason"), Optional.ofNullable(merged.point("shm-twoshot", 128).orElseThrow().reason()));
    }
}

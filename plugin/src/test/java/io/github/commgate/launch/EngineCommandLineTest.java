package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.plan.LaunchPlan;
import io.github.commgate.comm.Backend;
import io.github.commgate.plan.Launcher;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What commgate hands mpirun and srun, read without starting either. */
class EngineCommandLineTest {

    private static final List<String> WORKER = List.of("/opt/jdk/bin/java", "--add-modules=ALL-SYSTEM", "-Xmx1g",
            "-XX:ErrorFile=/t/logs/hs_err_pid%p.log", "-cp", "/p/plugin.jar", "io.github.commgate.worker.WorkerMain");

    private static LaunchSettings settings(Launcher launcher, String executable, List<String> arguments) throws Exception {
        return new LaunchSettings(Path.of("/opt/jdk/bin/java"), List.of("-Xmx1g"), Map.of("NCCL_SOCKET_IFNAME", "ib0"),
                List.of(Path.of("/p/plugin.jar")), Path.of("/t/logs"), Duration.ofSeconds(60))
                .withLaunch(new LaunchPlan(launcher, executable, arguments, InetAddress.getByName("192.0.2.7")));
    }

    @Test
    void mpirunStartsTheRanksTaggingTheirOutputAndPassesEveryVariableByNameOnly() throws Exception {
        LaunchSettings settings = settings(Launcher.MPIRUN, "mpirun", List.of("--allow-run-as-root", "--oversubscribe"));
        List<String> command = EngineCommandLine.command(settings, Backend.CPU, 4, List.of("COMMGATE_TOKEN", "NCCL_SOCKET_IFNAME", "COMMGATE_COORDINATOR"));
        List<String> engine = List.of("mpirun", "-np", "4", "--tag-output", "--allow-run-as-root", "--oversubscribe",
                "-x", "COMMGATE_COORDINATOR", "-x", "COMMGATE_TOKEN", "-x", "NCCL_SOCKET_IFNAME");
        assertEquals(engine, command.subList(0, engine.size()));
        assertEquals(WORKER, command.subList(engine.size(), command.size()));
    }

    @Test
    void srunStartsTheRanksLabellingTheirOutputAndEndsTheStepWhenOneFails() throws Exception {
        LaunchSettings settings = settings(Launcher.SRUN, "/usr/bin/srun", List.of("--overcommit"));
        List<String> command = EngineCommandLine.command(settings, Backend.CPU, 2, List.of("COMMGATE_TOKEN"));
        List<String> engine = List.of("/usr/bin/srun", "--ntasks=2", "--kill-on-bad-exit=1", "--label", "--export=ALL", "--overcommit");
        assertEquals(engine, command.subList(0, engine.size()));
        assertEquals(WORKER, command.subList(engine.size(), command.size()));
    }

    @Test
    void theSecretTravelsInTheEnginesEnvironmentAndNeverOnItsCommandLine() throws Exception {
        for (Launcher launcher : List.of(Launcher.MPIRUN, Launcher.SRUN)) {
            LaunchSettings settings = settings(launcher, launcher.defaultExecutable(), List.of());
            Map<String, String> environment = WorkerCommandLine.engineEnvironment(settings,
                    new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40123), "the-secret", 4, Path.of("/dev/shm/commgate-9-1"), Backend.CPU);
            assertEquals("the-secret", environment.get("COMMGATE_TOKEN"));
            assertEquals("192.0.2.7:40123", environment.get("COMMGATE_COORDINATOR"));
            assertEquals(launcher.label(), environment.get("COMMGATE_LAUNCHER"));
            assertEquals("4", environment.get("COMMGATE_WORLD_SIZE"));
            assertEquals("ib0", environment.get("NCCL_SOCKET_IFNAME"));
            // The engine names each rank's place in its own variables.
            assertNull(environment.get("COMMGATE_RANK"));
            assertNull(environment.get("COMMGATE_LOCAL_RANK"));
            String command = String.join(" ", EngineCommandLine.command(settings, Backend.CPU, 4, environment.keySet()));
            assertFalse(command.contains("the-secret"), command);
            assertTrue(launcher == Launcher.SRUN || command.contains("-x COMMGATE_TOKEN"), command);
        }
    }
}

package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.commgate.comm.Backend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerCommandLineTest {

    private final LaunchSettings settings = new LaunchSettings(Path.of("/opt/jdk/bin/java"), List.of("-Xmx1g", "-Dx=y"),
            Map.of("NCCL_DEBUG", "INFO"), List.of(Path.of("/p/plugin.jar"), Path.of("/p/jackson.jar")),
            Path.of("/t/logs"), Duration.ofSeconds(60));

    @Test
    void commandPutsUserArgumentsBeforeTheClasspathAndTheMainClass() {
        assertEquals(List.of("/opt/jdk/bin/java", "--add-modules=ALL-SYSTEM", "-Xmx1g", "-Dx=y",
                        "-XX:ErrorFile=/t/logs/hs_err_rank-3_pid%p.log", "-Dcommgate.rank=3",
                        "-cp", "/p/plugin.jar:/p/jackson.jar", "io.github.commgate.worker.WorkerMain"),
                WorkerCommandLine.command(settings, 3, Backend.CPU, ClassDataArchive.NONE));
    }

    @Test
    void onlyTheCpuBackendResolvesEverySystemModuleAndAnArchiveComesBeforeTheUsersArguments() {
        ClassDataArchive archive = new ClassDataArchive(Path.of("/c/worker.jsa"), null);
        assertEquals(List.of("/opt/jdk/bin/java", "-XX:SharedArchiveFile=/c/worker.jsa", "-Xshare:auto", "-Xlog:cds*=off",
                        "-Xmx1g", "-Dx=y",
                        "-XX:ErrorFile=/t/logs/hs_err_rank-1_pid%p.log", "-Dcommgate.rank=1",
                        "-cp", "/p/plugin.jar:/p/jackson.jar", "io.github.commgate.worker.WorkerMain"),
                WorkerCommandLine.command(settings, 1, Backend.CUDA, archive));
    }

    @Test
    void environmentAddsTheRunOnTopOfTheUsersVariables() {
        InetSocketAddress coordinator = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40123);
        Map<String, String> environment = WorkerCommandLine.environment(settings, coordinator, "secret", 1, 4,
                Path.of("/dev/shm/commgate-1"), Backend.CUDA);
        assertEquals(Map.of("NCCL_DEBUG", "INFO", "COMMGATE_COORDINATOR", "127.0.0.1:40123", "COMMGATE_TOKEN", "secret",
                "COMMGATE_RANK", "1", "COMMGATE_WORLD_SIZE", "4", "COMMGATE_LOCAL_RANK", "1",
                "COMMGATE_SCRATCH_DIR", "/dev/shm/commgate-1", "COMMGATE_BACKEND", "cuda", "NCCL_DEBUG_FILE", "/t/logs/nccl-rank-1.%h.%p.log"), environment);
    }

    @Test
    void aUsersOwnNcclDebugFileWins() {
        LaunchSettings own = new LaunchSettings(settings.javaExecutable(), List.of(), Map.of("NCCL_DEBUG_FILE", "/mine.log"),
                settings.classpath(), settings.logDirectory(), settings.timeout());
        InetSocketAddress coordinator = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        assertEquals("/mine.log", WorkerCommandLine.environment(own, coordinator, "t", 0, 1, Path.of("/s"), Backend.CUDA)
                .get("NCCL_DEBUG_FILE"));
    }

    @Test
    void theTokenNeverAppearsOnTheCommandLine() {
        assertFalse(String.join(" ", WorkerCommandLine.command(settings, 0, Backend.CUDA, ClassDataArchive.NONE))
                .contains("secret"));
    }
}

package io.github.commgate.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.launch.WorkerCommandLine;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.WorkerEnvironment;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real worker JVM whose coordinator vanishes mid-run (Maven killed) exits by itself. */
class WorkerExitsWhenCoordinatorGoesAwayTest {

    @Test
    void aWorkerWhoseCoordinatorClosesHaltsWithItsOwnExitCode(@TempDir Path directory) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path log = directory.resolve("rank-0.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WorkerCommandLine.MAIN_CLASS));
            builder.environment().putAll(java.util.Map.of(
                    WorkerEnvironment.COORDINATOR, "127.0.0.1:" + server.getLocalPort(), WorkerEnvironment.TOKEN, "t",
                    WorkerEnvironment.RANK, "0", WorkerEnvironment.WORLD_SIZE, "2", WorkerEnvironment.LOCAL_RANK, "0",
                    WorkerEnvironment.SCRATCH_DIRECTORY, directory.toString()));
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process worker = builder.start();
            try {
                MessageChannel channel = new MessageChannel(server.accept());
                assertInstanceOf(Message.Hello.class, channel.receive());
                // The worker now waits for its plan; the coordinator goes away instead.
                channel.close();
                assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker did not exit");
                assertEquals(CoordinatorLink.COORDINATOR_GONE, worker.exitValue());
                assertTrue(Files.readString(log).contains("the coordinator went away"), Files.readString(log));
            } finally {
                worker.destroyForcibly();
            }
        }
    }
}

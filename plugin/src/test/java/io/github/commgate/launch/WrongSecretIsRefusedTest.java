package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.SecretProof;
import io.github.commgate.protocol.WorkerEnvironment;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real second processes that hold another run's secret, against a real coordinator over a real
 * socket: a peer that answers the challenge anyway is refused and named; a real worker finds that
 * the coordinator cannot prove its secret, gives no answer of its own, and exits saying so.
 * Neither side ever sends the secret, so a peer learns nothing by trying.
 */
class WrongSecretIsRefusedTest {

    private final BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot")
            .sequenceLengths(1).hiddenSize(64).dtype(DType.BF16).protocol(0, 1, 1).build();

    @Test
    void aPeerThatAnswersWithAnotherSecretIsRefusedAndNamed(@TempDir Path directory) throws Exception {
        BlockingQueue<LaunchEvent> events = new LinkedBlockingQueue<>();
        try (Coordinator coordinator = new Coordinator(plan, events, InetAddress.getLoopbackAddress())) {
            Path log = directory.resolve("peer.log");
            Process peer = start(List.of(WrongSecretPeer.class.getName(), "127.0.0.1",
                    Integer.toString(coordinator.address().getPort()), "0", SecretProof.newSecret()), Map.of(), log);
            try {
                assertTrue(peer.waitFor(60, TimeUnit.SECONDS), "the peer did not exit");
                assertEquals("answer: Refused[reason=did not prove the run's secret, tryAgain=false]", Files.readString(log).trim());
                LaunchEvent.PeerRefused refused = nextRefusal(events);
                assertEquals("did not prove the run's secret", refused.why());
                assertTrue(refused.address().startsWith("127.0.0.1:"), refused.address());
                assertEquals(null, events.poll(300, TimeUnit.MILLISECONDS), "the refused peer never joined as a rank");
            } finally {
                peer.destroyForcibly();
            }
        }
    }

    @Test
    void aWorkerWithAnotherRunsSecretGivesNoAnswerAndExitsSayingSo(@TempDir Path directory) throws Exception {
        BlockingQueue<LaunchEvent> events = new LinkedBlockingQueue<>();
        try (Coordinator coordinator = new Coordinator(plan, events, InetAddress.getLoopbackAddress())) {
            Path log = directory.resolve("rank-0.log");
            Process worker = startWorker(coordinator, SecretProof.newSecret(), log, directory);
            try {
                assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the worker did not exit");
                assertEquals(2, worker.exitValue());
                String said = Files.readString(log);
                // The coordinator's answer does not match the worker's secret: the worker hangs up before answering.
                assertTrue(said.contains("did not prove the run's secret; it is not this run's coordinator"), said);
                assertEquals("closed the connection before proving the run's secret", nextRefusal(events).why());
            } finally {
                worker.destroyForcibly();
            }
        }
    }

    private static LaunchEvent.PeerRefused nextRefusal(BlockingQueue<LaunchEvent> events) throws InterruptedException {
        LaunchEvent event = events.poll(5, TimeUnit.SECONDS);
        return assertInstanceOf(LaunchEvent.PeerRefused.class, event, String.valueOf(event));
    }

    @Test
    void aWorkerWithTheRunsSecretJoinsOverTheSameHandshake(@TempDir Path directory) throws Exception {
        BlockingQueue<LaunchEvent> events = new LinkedBlockingQueue<>();
        try (Coordinator coordinator = new Coordinator(plan, events, InetAddress.getLoopbackAddress())) {
            Process worker = startWorker(coordinator, coordinator.token(), directory.resolve("rank-0.log"), directory);
            try {
                assertEquals(new LaunchEvent.RankConnected(0), events.poll(60, TimeUnit.SECONDS));
            } finally {
                worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startWorker(Coordinator coordinator, String secret, Path log, Path scratch) throws Exception {
        return start(List.of(WorkerCommandLine.MAIN_CLASS), Map.of(
                WorkerEnvironment.COORDINATOR, "127.0.0.1:" + coordinator.address().getPort(), WorkerEnvironment.TOKEN, secret,
                WorkerEnvironment.RANK, "0", WorkerEnvironment.WORLD_SIZE, "2", WorkerEnvironment.LOCAL_RANK, "0",
                WorkerEnvironment.SCRATCH_DIRECTORY, scratch.toString()), log);
    }

    /** A JVM on the test classpath, its output in {@code log}. */
    private static Process start(List<String> mainAndArguments, Map<String, String> environment, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }
}

package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import io.github.commgate.result.RankPointResult;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoordinatorTest {

    private final BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2)
            .communicators("shm-oneshot").sequenceLengths(1).hiddenSize(8192).dtype(DType.BF16).protocol(1, 2, 3)
            .build();
    private final BlockingQueue<LaunchEvent> events = new LinkedBlockingQueue<>();
    private Coordinator coordinator;

    @BeforeEach
    void start() throws IOException {
        coordinator = new Coordinator(plan, events, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        coordinator.close();
    }

    private MessageChannel connect() throws IOException {
        return new MessageChannel(new Socket(coordinator.address().getAddress(), coordinator.address().getPort()));
    }

    private MessageChannel join(int rank) throws IOException {
        MessageChannel channel = connect();
        assertEquals(plan, assertInstanceOf(Message.PlanReply.class, PeerHandshake.prove(channel, rank, coordinator.token())).plan());
        return channel;
    }

    private LaunchEvent nextEvent() throws InterruptedException {
        LaunchEvent event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within 5 s");
        }
        return event;
    }

    @Test
    void bindsTheAddressItIsGivenWithARandomSecret() {
        assertEquals(InetAddress.getLoopbackAddress(), coordinator.address().getAddress());
        assertEquals(48, coordinator.token().length());
    }

    @Test
    void aPeerWithoutTheSecretIsRefusedAndNeverGetsThePlan() throws Exception {
        try (MessageChannel stranger = connect()) {
            assertEquals(new Message.Refused("did not prove the run's secret", false), PeerHandshake.prove(stranger, 0, "guess"));
            assertThrows(EOFException.class, stranger::receive);
        }
        assertEquals("did not prove the run's secret", assertInstanceOf(LaunchEvent.PeerRefused.class, nextEvent()).why());
    }

    @Test
    void theCoordinatorAnswersTheWorkersNonceWithTheSecretWithoutSendingIt() throws Exception {
        try (MessageChannel peer = connect()) {
            String nonce = SecretProof.newNonce();
            peer.send(new Message.Hello(0, 1, nonce));
            Message.Challenge challenge = assertInstanceOf(Message.Challenge.class, peer.receive());
            assertEquals(new SecretProof(coordinator.token()).coordinatorAnswer(nonce, challenge.nonce()), challenge.answer());
            assertTrue(!new String(MessageChannel.encode(challenge), StandardCharsets.UTF_8).contains(coordinator.token()));
            // A proof of another nonce, as a peer replaying an old connection's would be, is refused.
            peer.send(new Message.Proof(new SecretProof(coordinator.token()).workerAnswer(0, nonce, SecretProof.newNonce())));
            assertEquals(new Message.Refused("did not prove the run's secret", false), peer.receive());
        }
    }

    @Test
    void aSecondConnectionForTheSameRankIsRefused() throws Exception {
        try (MessageChannel first = join(0); MessageChannel second = connect()) {
            assertEquals(new LaunchEvent.RankConnected(0), nextEvent());
            assertEquals(new Message.Refused("rank 0 has joined already", false), PeerHandshake.prove(second, 0, coordinator.token()));
            assertThrows(EOFException.class, second::receive);
            assertEquals("rank 0 has joined already", assertInstanceOf(LaunchEvent.PeerRefused.class, nextEvent()).why());
        }
    }

    @Test
    void aRankOutsideTheRunIsRefused() throws Exception {
        try (MessageChannel stranger = connect()) {
            assertEquals(new Message.Refused("rank 2 is not one of this run's 2 ranks", false),
                    PeerHandshake.prove(stranger, 2, coordinator.token()));
        }
        assertEquals("rank 2 is not one of this run's 2 ranks", assertInstanceOf(LaunchEvent.PeerRefused.class, nextEvent()).why());
    }

    @Test
    void anOpenBarrierNamesWhoWaitsAndWhoHasNotArrived() throws Exception {
        try (MessageChannel rank0 = join(0); MessageChannel rank1 = join(1)) {
            rank0.send(new Message.Barrier(0));
            rank1.send(new Message.Barrier(0));
            assertEquals(new Message.BarrierRelease(0), rank0.receive());
            rank1.send(new Message.AllGather(0, new byte[] {1}));
            Thread.sleep(300);
            List<CollectiveState.Stall> stalls = coordinator.stalls();
            assertEquals(1, stalls.size(), stalls.toString());
            CollectiveState.Stall stall = stalls.get(0);
            assertEquals(List.of("all-gather 0", List.of(1), List.of(0)), List.of(stall.name(), stall.arrived(), stall.missing()));
            // The coordinator clocks the arrival when it reads it, a moment after the send.
            assertTrue(stall.waitedNanos() >= TimeUnit.MILLISECONDS.toNanos(200), stall.toString());
        }
    }

    @Test
    void barrierReleasesOnlyWhenEveryRankHasArrived() throws Exception {
        try (MessageChannel rank0 = join(0); MessageChannel rank1 = join(1)) {
            rank0.send(new Message.Barrier(0));
            Thread.sleep(200);
            rank1.send(new Message.Barrier(0));
            assertEquals(new Message.BarrierRelease(0), rank0.receive());
            assertEquals(new Message.BarrierRelease(0), rank1.receive());
        }
    }

    @Test
    void allGatherReturnsEveryBlobInRankOrder() throws Exception {
        try (MessageChannel rank0 = join(0); MessageChannel rank1 = join(1)) {
            rank1.send(new Message.AllGather(0, new byte[] {1, 1}));
            rank0.send(new Message.AllGather(0, new byte[] {0}));
            for (MessageChannel channel : List.of(rank0, rank1)) {
                Message.AllGathered gathered = assertInstanceOf(Message.AllGathered.class, channel.receive());
                assertArrayEquals(new byte[] {0}, gathered.blobs().get(0));
                assertArrayEquals(new byte[] {1, 1}, gathered.blobs().get(1));
            }
        }
    }

    @Test
    void resultsFailuresAndFinishingBecomeEvents() throws Exception {
        try (MessageChannel rank0 = join(0)) {
            assertEquals(new LaunchEvent.RankConnected(0), nextEvent());
            RankPointResult sent = new RankPointResult(0, "shm-oneshot", 1, 42, null, new double[] {1.5, 2.5}, 3, "element 7");
            rank0.send(new Message.PointReport(sent));
            RankPointResult received = assertInstanceOf(LaunchEvent.PointReported.class, nextEvent()).result();
            assertArrayEquals(sent.latencyMicros(), received.latencyMicros());
            assertEquals(List.of(0, 1, 42L, 3L, "element 7"), List.of(received.rank(), received.sequenceLength(),
                    received.startedAtEpochMillis(), received.mismatches(), received.firstMismatch()));
            rank0.send(new Message.WorkerFailure("it broke", "trace"));
            assertEquals(new LaunchEvent.RankFailed(0, "it broke", "trace"), nextEvent());
            rank0.send(new Message.Finished());
            assertEquals(new Message.Goodbye(), rank0.receive());
            assertEquals(new LaunchEvent.RankFinished(0), nextEvent());
        }
    }

    @Test
    void aRankThatHangsUpBeforeFinishingIsReported() throws Exception {
        MessageChannel rank1 = join(1);
        assertEquals(new LaunchEvent.RankConnected(1), nextEvent());
        rank1.close();
        assertEquals(1, assertInstanceOf(LaunchEvent.RankDisconnected.class, nextEvent()).rank());
    }
}

package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a real socket that has not proven the run's secret can do to the coordinator: little, briefly, and named. */
class CoordinatorAdmissionTest {

    private final BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot")
                .sequenceLengths(1).hiddenSize(8192).dtype(DType.BF16).protocol(1, 2, 3).build();
    private final BlockingQueue<LaunchEvent> events = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private Coordinator coordinator;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        coordinator.close();
    }

    private void start(AdmissionLimits limits) throws IOException {
        coordinator = new Coordinator(plan, events, InetAddress.getLoopbackAddress(), limits);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(coordinator.address().getAddress(), coordinator.address().getPort());
        sockets.add(socket);
        return socket;
    }

    private LaunchEvent.PeerRefused nextRefusal() throws InterruptedException {
        LaunchEvent event = events.poll(5, TimeUnit.SECONDS);
        return assertInstanceOf(LaunchEvent.PeerRefused.class, event, "expected a refusal, got " + event);
    }

    private static String addressOf(Socket socket) {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    @Test
    void aStrangerAnnouncingAHugeFrameIsRefusedFromItsLengthAlone() throws Exception {
        start(AdmissionLimits.DEFAULT);
        Socket stranger = connect();
        new DataOutputStream(stranger.getOutputStream()).writeInt(64 << 20);
        String why = "announced a frame of 67108864 bytes before proving the run's secret (a hello is at most 4096)";
        assertEquals(new Message.Refused(why, false), new MessageChannel(stranger).receive());
        assertEquals(new LaunchEvent.PeerRefused(addressOf(stranger), why), nextRefusal());
    }

    @Test
    void aConnectionThatSaysNothingIsRefusedWhenItsTimeIsUp() throws Exception {
        start(new AdmissionLimits(Duration.ofMillis(300), 64));
        Socket silent = connect();
        long start = System.nanoTime();
        String why = "did not prove the run's secret within 0.3 s";
        assertEquals(new Message.Refused(why, true), new MessageChannel(silent).receive());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.25 && seconds < 3, seconds + " s");
        assertEquals(new LaunchEvent.PeerRefused(addressOf(silent), why), nextRefusal());
    }

    @Test
    void aPeerThatSaysHelloButNeverAnswersTheChallengeHasTheSameTimeInAll() throws Exception {
        start(new AdmissionLimits(Duration.ofMillis(300), 64));
        Socket slow = connect();
        MessageChannel channel = new MessageChannel(slow);
        long start = System.nanoTime();
        channel.send(new Message.Hello(0, 1, SecretProof.newNonce()));
        assertInstanceOf(Message.Challenge.class, channel.receive());
        String why = "did not prove the run's secret within 0.3 s";
        assertEquals(new Message.Refused(why, true), channel.receive());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.25 && seconds < 3, seconds + " s");
        assertEquals(new LaunchEvent.PeerRefused(addressOf(slow), why), nextRefusal());
    }

    @Test
    void whenTooManyWaitTheOldestIsPushedOutAndARankStillJoins() throws Exception {
        start(new AdmissionLimits(Duration.ofSeconds(30), 3));
        List<Socket> silent = List.of(connect(), connect(), connect());
        Thread.sleep(200);
        Socket fourth = connect();
        String why = "too many connections were waiting to prove the run's secret (at most 3); this one had waited longest";
        assertEquals(new Message.Refused(why, true), new MessageChannel(silent.get(0)).receive());
        assertEquals(new LaunchEvent.PeerRefused(addressOf(silent.get(0)), why), nextRefusal());

        MessageChannel rank0 = new MessageChannel(connect());
        assertEquals(plan, assertInstanceOf(Message.PlanReply.class, PeerHandshake.prove(rank0, 0, coordinator.token())).plan());
        assertEquals(new LaunchEvent.PeerRefused(addressOf(silent.get(1)), why), nextRefusal());
        assertEquals(new LaunchEvent.RankConnected(0), events.poll(5, TimeUnit.SECONDS));
        assertTrue(fourth.isConnected());
    }

    @Test
    void aFloodIsNamedForItsFirstPeersAndCountedInFull() throws Exception {
        start(AdmissionLimits.DEFAULT);
        int flood = Admission.NAMED_REFUSALS + 20;
        for (int i = 0; i < flood; i++) {
            try (Socket stranger = new Socket(coordinator.address().getAddress(), coordinator.address().getPort())) {
                new DataOutputStream(stranger.getOutputStream()).writeInt(Integer.MAX_VALUE);
                new MessageChannel(stranger).receive();
            }
        }
        for (int i = 0; i < Admission.NAMED_REFUSALS; i++) {
            nextRefusal();
        }
        assertEquals(null, events.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(flood, coordinator.refusedConnections());
    }
}

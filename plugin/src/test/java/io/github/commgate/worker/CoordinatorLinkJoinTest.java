package io.github.commgate.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a worker joins over a real socket, against a peer that answers as a busy coordinator would. */
class CoordinatorLinkJoinTest {

    private final BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot")
                .sequenceLengths(1).hiddenSize(64).dtype(DType.BF16).protocol(0, 1, 1).build();
    private static final String SECRET = SecretProof.newSecret();

    @Test
    void aWorkerTurnedAwayForAMomentJoinsOnItsNextAttempt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> hellos = CompletableFuture.supplyAsync(() -> answer(server,
                    new Message.Refused("too many connections were waiting to prove the run's secret (at most 64)", true),
                    new Message.PlanReply(plan)));
            try (CoordinatorLink link = CoordinatorLink.join("127.0.0.1", server.getLocalPort(), 1, SECRET)) {
                assertEquals(plan, link.plan());
            }
            assertEquals(2, hellos.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWorkerRefusedForGoodSaysWhyAndDoesNotTryAgain() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> hellos = CompletableFuture.supplyAsync(() -> answer(server,
                    new Message.Refused("did not prove the run's secret", false)));
            IOException refused = assertThrows(IOException.class,
                    () -> CoordinatorLink.join("127.0.0.1", server.getLocalPort(), 1, SECRET));
            assertEquals("the coordinator refused this worker: did not prove the run's secret", refused.getMessage());
            assertEquals(1, hellos.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWorkerGivesNoAnswerAndTakesNoPlanFromAPeerThatCannotProveTheSecret() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Message> reply = CompletableFuture.supplyAsync(() -> impostor(server));
            IOException refused = assertThrows(IOException.class,
                    () -> CoordinatorLink.join("127.0.0.1", server.getLocalPort(), 1, SECRET));
            assertEquals("the peer at 127.0.0.1:" + server.getLocalPort()
                    + " did not prove the run's secret; it is not this run's coordinator", refused.getMessage());
            assertEquals(null, reply.get(10, TimeUnit.SECONDS), "the worker sent no proof of its own");
        }
    }

    /** A coordinator of another run: answers the hello with a challenge it cannot prove; returns what the worker said next. */
    private static Message impostor(ServerSocket server) {
        try (MessageChannel channel = new MessageChannel(server.accept())) {
            Message.Hello hello = assertInstanceOf(Message.Hello.class, channel.receive(MessageChannel.MAX_HELLO_BYTES));
            String nonce = SecretProof.newNonce();
            channel.send(new Message.Challenge(nonce, new SecretProof(SecretProof.newSecret()).coordinatorAnswer(hello.nonce(), nonce)));
            return channel.receive();
        } catch (IOException closed) {
            return null;
        }
    }

    /**
     * Accepts one connection per answer, reads its hello and answers; a plan only after the
     * handshake, as the coordinator does. Returns how many hellos came.
     */
    private static int answer(ServerSocket server, Message... answers) {
        int hellos = 0;
        for (Message answer : answers) {
            try (MessageChannel channel = new MessageChannel(server.accept())) {
                Message.Hello hello = assertInstanceOf(Message.Hello.class, channel.receive(MessageChannel.MAX_HELLO_BYTES));
                hellos++;
                if (answer instanceof Message.PlanReply) {
                    String nonce = SecretProof.newNonce();
                    SecretProof proof = new SecretProof(SECRET);
                    channel.send(new Message.Challenge(nonce, proof.coordinatorAnswer(hello.nonce(), nonce)));
                    Message.Proof given = assertInstanceOf(Message.Proof.class, channel.receive(MessageChannel.MAX_HELLO_BYTES));
                    assertEquals(proof.workerAnswer(hello.rank(), hello.nonce(), nonce), given.answer());
                }
                channel.send(answer);
                if (answer instanceof Message.PlanReply) {
                    channel.receive();
                }
            } catch (IOException e) {
                // The worker closed its link after reading the plan.
            }
        }
        return hellos;
    }
}

package io.github.commgate.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
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
    private final Message.Hello hello = new Message.Hello(1, 42, "token");

    @Test
    void aWorkerTurnedAwayForAMomentJoinsOnItsNextAttempt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> hellos = CompletableFuture.supplyAsync(() -> answer(server,
                    new Message.Refused("too many connections were waiting to prove the run's token (at most 64)", true),
                    new Message.PlanReply(plan)));
            try (CoordinatorLink link = CoordinatorLink.join("127.0.0.1", server.getLocalPort(), hello)) {
                assertEquals(plan, link.plan());
            }
            assertEquals(2, hellos.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWorkerRefusedForGoodSaysWhyAndDoesNotTryAgain() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> hellos = CompletableFuture.supplyAsync(() -> answer(server,
                    new Message.Refused("did not present the run's token", false)));
            IOException refused = assertThrows(IOException.class,
                    () -> CoordinatorLink.join("127.0.0.1", server.getLocalPort(), hello));
            assertEquals("the coordinator refused this worker: did not present the run's token", refused.getMessage());
            assertEquals(1, hellos.get(10, TimeUnit.SECONDS));
        }
    }

    /** Accepts one connection per answer, reads its hello and answers; returns how many hellos came. */
    private static int answer(ServerSocket server, Message... answers) {
        int hellos = 0;
        for (Message answer : answers) {
            try (MessageChannel channel = new MessageChannel(server.accept())) {
                assertInstanceOf(Message.Hello.class, channel.receive(MessageChannel.MAX_HELLO_BYTES));
                hellos++;
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

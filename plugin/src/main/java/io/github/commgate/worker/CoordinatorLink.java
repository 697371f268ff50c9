package io.github.commgate.worker;

import io.github.commgate.comm.Rendezvous;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker's connection to the coordinator. A daemon thread reads every answer; when the
 * connection ends before the worker has said goodbye (Maven was killed, the launcher gave up),
 * the worker halts at once, because nobody is left to hear from it and its peers are gone too.
 */
final class CoordinatorLink implements Rendezvous, AutoCloseable {

    /** Exit status of a worker whose coordinator went away. */
    static final int COORDINATOR_GONE = 3;
    /** How long a worker turned away for a moment (a flood of other connections) keeps trying. */
    private static final long JOIN_PATIENCE_MILLIS = 60_000;
    private static final long MAX_PAUSE_MILLIS = 1_000;

    private final MessageChannel channel;
    private final BenchmarkPlan plan;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private volatile boolean leaving;
    private long barriers;
    private long gathers;

    private CoordinatorLink(MessageChannel channel, BenchmarkPlan plan) {
        this.channel = channel;
        this.plan = plan;
        Thread reader = new Thread(this::readLoop, "commgate-coordinator-link");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Says hello, has the coordinator prove the run's secret before proving it in turn, and
     * returns the link with its plan. Each frame is encoded before it is sent, so the handshake
     * follows the connection at once: the coordinator gives a stranger only seconds. Turned away
     * with {@code tryAgain} (too many other connections were waiting), it tries again.
     *
     * @throws CoordinatorGoneException when the coordinator closed the connection without answering
     */
    static CoordinatorLink join(String host, int port, int rank, String secret) throws IOException {
        SecretProof proof = new SecretProof(secret);
        long deadline = System.currentTimeMillis() + JOIN_PATIENCE_MILLIS;
        for (long pause = 50; ; pause = Math.min(2 * pause, MAX_PAUSE_MILLIS)) {
            String nonce = SecretProof.newNonce();
            byte[] hello = MessageChannel.encode(new Message.Hello(rank, ProcessHandle.current().pid(), nonce));
            MessageChannel channel = new MessageChannel(new Socket(host, port));
            Message answer;
            boolean proven = false;
            try {
                channel.sendEncoded(hello);
                // Before the peer has proven the secret, it gets no more room than the coordinator gives a stranger.
                answer = channel.receive(MessageChannel.MAX_HELLO_BYTES);
                if (answer instanceof Message.Challenge challenge) {
                    if (!SecretProof.same(proof.coordinatorAnswer(nonce, challenge.nonce()), challenge.answer())) {
                        channel.close();
                        throw new IOException("the peer at " + host + ":" + port
                                + " did not prove the run's secret; it is not this run's coordinator");
                    }
                    proven = true;
                    channel.sendEncoded(MessageChannel.encode(new Message.Proof(proof.workerAnswer(rank, nonce, challenge.nonce()))));
                    answer = channel.receive();
                }
            } catch (EOFException e) {
                channel.close();
                throw new CoordinatorGoneException("it closed the connection without answering the hello");
            } catch (SocketException reset) {
                // Pushed out before the hello was read: the close of unread data is a reset.
                answer = new Message.Refused("the connection was reset before the hello was answered", true);
            }
            if (answer instanceof Message.PlanReply reply && proven) {
                return new CoordinatorLink(channel, reply.plan());
            }
            channel.close();
            if (!(answer instanceof Message.Refused refused)) {
                throw new IOException("expected the plan from the coordinator, got " + answer.getClass().getSimpleName());
            }
            if (!refused.tryAgain() || System.currentTimeMillis() + pause > deadline) {
                throw new IOException("the coordinator refused this worker: " + refused.reason());
            }
            sleep(pause);
        }
    }

    BenchmarkPlan plan() {
        return plan;
    }

    /** The connection ended before the coordinator answered: Maven is gone, or giving up. */
    static final class CoordinatorGoneException extends IOException {
        CoordinatorGoneException(String message) {
            super(message);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to join again", e);
        }
    }

    private void readLoop() {
        try {
            while (true) {
                Message message = channel.receive();
                inbox.add(message);
                if (message instanceof Message.Goodbye) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!leaving) {
                System.err.println("commgate worker: the coordinator went away (" + e + "); exiting");
                System.err.flush();
                NodeScratch.removeIfMade();
                Runtime.getRuntime().halt(COORDINATOR_GONE);
            }
        }
    }

    void send(Message message) throws IOException {
        channel.send(message);
    }

    /** Waits for the next answer, which must be of the given type. */
    <T extends Message> T expect(Class<T> type) throws IOException {
        Message message;
        try {
            message = inbox.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + type.getSimpleName(), e);
        }
        if (!type.isInstance(message)) {
            throw new IOException("expected " + type.getSimpleName() + " from the coordinator, got " + message.getClass().getSimpleName());
        }
        return type.cast(message);
    }

    @Override
    public void barrier() throws IOException {
        long sequence = barriers++;
        send(new Message.Barrier(sequence));
        Message.BarrierRelease release = expect(Message.BarrierRelease.class);
        if (release.sequence() != sequence) {
            throw new IOException("barrier " + sequence + " released as " + release.sequence());
        }
    }

    @Override
    public List<byte[]> allGather(byte[] mine) throws IOException {
        long sequence = gathers++;
        send(new Message.AllGather(sequence, mine));
        Message.AllGathered gathered = expect(Message.AllGathered.class);
        if (gathered.sequence() != sequence) {
            throw new IOException("all-gather " + sequence + " answered as " + gathered.sequence());
        }
        return gathered.blobs();
    }

    /** Says the worker is done and waits for the coordinator's leave. */
    void finish() throws IOException {
        send(new Message.Finished());
        leaving = true;
        expect(Message.Goodbye.class);
    }

    @Override
    public void close() throws IOException {
        leaving = true;
        channel.close();
    }
}

package io.github.commgate.launch;

import io.github.commgate.protocol.FrameTooLargeException;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a connection may do before it has proven the run's secret: send a hello and the answer to
 * the coordinator's challenge ({@link SecretProof}; the secret itself never crosses this connection),
 * each of at most {@link MessageChannel#MAX_HELLO_BYTES}, both within
 * {@link AdmissionLimits#helloTimeout()}, while no more than {@link AdmissionLimits#maxWaiting()}
 * others wait. Nothing larger is allocated for a stranger, so a flood of connections announcing
 * huge frames costs neither memory nor the measuring ranks' CPU time. Each refused peer becomes
 * one event naming its address and why (the first {@link #NAMED_REFUSALS}; the rest are counted),
 * and is told so in a small frame.
 */
final class Admission {

    /** Enough to see who is knocking; a flood past it is counted, not written line by line. */
    static final int NAMED_REFUSALS = 50;

    private final SecretProof secret;
    private final AdmissionLimits limits;
    private final BlockingQueue<LaunchEvent> events;
    /** Connections still to prove the secret, oldest first, with when each arrived. */
    private final Map<Socket, Long> waiting = new LinkedHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    Admission(String secret, AdmissionLimits limits, BlockingQueue<LaunchEvent> events) {
        this.secret = new SecretProof(secret);
        this.limits = limits;
        this.events = events;
    }

    /** A new connection waits for its hello; the oldest waiting ones go if there are too many, or if they took too long. */
    void arrived(Socket socket) {
        Map<Socket, String> turnedAway = new LinkedHashMap<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Map.Entry<Socket, Long>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Socket, Long> entry = it.next();
                if (now - entry.getValue() > limits.helloTimeout().toNanos()) {
                    turnedAway.put(entry.getKey(), noHelloInTime());
                    it.remove();
                }
            }
            if (waiting.size() >= limits.maxWaiting()) {
                Socket oldest = waiting.keySet().iterator().next();
                waiting.remove(oldest);
                turnedAway.put(oldest, "too many connections were waiting to prove the run's secret (at most "
                        + limits.maxWaiting() + "); this one had waited longest");
            }
            waiting.put(socket, now);
        }
        turnedAway.forEach((peer, why) -> refuse(peer, why, true));
    }

    /**
     * The peer's hello once it has answered the challenge with the run's secret; otherwise the peer
     * has been refused and null is returned. The coordinator answers the worker's nonce first, so a
     * worker never tells its own answer to an impostor.
     */
    Message.Hello hello(Socket socket, MessageChannel channel) {
        long deadline = System.nanoTime() + limits.helloTimeout().toNanos();
        try {
            if (!(receiveBefore(deadline, socket, channel) instanceof Message.Hello hello) || hello.nonce() == null) {
                return refusedIfWaiting(socket, "did not begin with a hello", false);
            }
            String nonce = SecretProof.newNonce();
            channel.send(new Message.Challenge(nonce, secret.coordinatorAnswer(hello.nonce(), nonce)));
            Message answer = receiveBefore(deadline, socket, channel);
            if (!(answer instanceof Message.Proof proof)
                    || !SecretProof.same(secret.workerAnswer(hello.rank(), hello.nonce(), nonce), proof.answer())) {
                return refusedIfWaiting(socket, "did not prove the run's secret", false);
            }
            socket.setSoTimeout(0);
            return stopWaiting(socket) ? hello : null;
        } catch (SocketTimeoutException e) {
            return refusedIfWaiting(socket, noHelloInTime(), true);
        } catch (FrameTooLargeException e) {
            return refusedIfWaiting(socket, "announced a frame of " + e.announcedBytes()
                    + " bytes before proving the run's secret (a hello is at most " + MessageChannel.MAX_HELLO_BYTES + ")", false);
        } catch (EOFException e) {
            return refusedIfWaiting(socket, "closed the connection before proving the run's secret", false);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return refusedIfWaiting(socket, "sent a malformed hello (" + firstLine(e) + ")", false);
        }
    }

    /** A frame of at most a hello's size, arriving before the deadline that the whole handshake shares. */
    private static Message receiveBefore(long deadline, Socket socket, MessageChannel channel) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        return channel.receive(MessageChannel.MAX_HELLO_BYTES);
    }

    /** Turns away a peer that has left the waiting room (a proven secret, but a rank this run cannot take). */
    void refuse(Socket socket, String why, boolean tryAgain) {
        tell(socket, new Message.Refused(why, tryAgain));
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that was left to do with it.
        }
        if (refused.incrementAndGet() <= NAMED_REFUSALS) {
            events.add(new LaunchEvent.PeerRefused(address(socket.getRemoteSocketAddress()), why));
        }
    }

    /** The coordinator is closing: connections still waiting are closed with it, not refused one by one. */
    synchronized void close() {
        waiting.clear();
    }

    int refusedCount() {
        return refused.get();
    }

    /** Refuses the peer unless another thread already did (pushed out, or the coordinator closed). */
    private Message.Hello refusedIfWaiting(Socket socket, String why, boolean tryAgain) {
        if (stopWaiting(socket)) {
            refuse(socket, why, tryAgain);
        }
        return null;
    }

    private synchronized boolean stopWaiting(Socket socket) {
        return waiting.remove(socket) != null;
    }

    private String noHelloInTime() {
        return "did not prove the run's secret within " + limits.helloTimeout().toMillis() / 1000.0 + " s";
    }

    /** A small frame to a peer that may read it; it never blocks, the socket's send buffer takes it whole. */
    private static void tell(Socket socket, Message message) {
        try {
            byte[] frame = MessageChannel.encode(message);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
        } catch (IOException gone) {
            // The peer hung up already; refusing it is all that is left.
        }
    }

    static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() + ":" + inet.getPort() : String.valueOf(address);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

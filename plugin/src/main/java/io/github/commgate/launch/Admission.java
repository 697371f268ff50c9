package io.github.commgate.launch;

import io.github.commgate.protocol.FrameTooLargeException;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a connection may do before it has proven the run's token: send one hello of at most
 * {@link MessageChannel#MAX_HELLO_BYTES} within {@link AdmissionLimits#helloTimeout()}, while no
 * more than {@link AdmissionLimits#maxWaiting()} others wait. Nothing larger is allocated for a
 * stranger, so a flood of local connections announcing huge frames costs neither memory nor the
 * measuring ranks' CPU time. Each refused peer becomes one event naming its address and why (the
 * first {@link #NAMED_REFUSALS}; the rest are counted), and is told so in a small frame.
 */
final class Admission {

    /** Enough to see who is knocking; a flood past it is counted, not written line by line. */
    static final int NAMED_REFUSALS = 50;

    private final byte[] token;
    private final AdmissionLimits limits;
    private final BlockingQueue<LaunchEvent> events;
    /** Connections still to prove the token, oldest first, with when each arrived. */
    private final Map<Socket, Long> waiting = new LinkedHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    Admission(String token, AdmissionLimits limits, BlockingQueue<LaunchEvent> events) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
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
                turnedAway.put(oldest, "too many connections were waiting to prove the run's token (at most "
                        + limits.maxWaiting() + "); this one had waited longest");
            }
            waiting.put(socket, now);
        }
        turnedAway.forEach((peer, why) -> refuse(peer, why, true));
    }

    /** The peer's hello once it proves the token; otherwise the peer has been refused and null is returned. */
    Message.Hello hello(Socket socket, MessageChannel channel) {
        try {
            socket.setSoTimeout((int) limits.helloTimeout().toMillis());
            Message first = channel.receive(MessageChannel.MAX_HELLO_BYTES);
            socket.setSoTimeout(0);
            if (!(first instanceof Message.Hello hello) || !MessageDigest.isEqual(token, bytes(hello.token()))) {
                return refusedIfWaiting(socket, "did not present the run's token", false);
            }
            return stopWaiting(socket) ? hello : null;
        } catch (SocketTimeoutException e) {
            return refusedIfWaiting(socket, noHelloInTime(), true);
        } catch (FrameTooLargeException e) {
            return refusedIfWaiting(socket, "announced a frame of " + e.announcedBytes()
                    + " bytes before proving the run's token (a hello is at most " + MessageChannel.MAX_HELLO_BYTES + ")", false);
        } catch (EOFException e) {
            return refusedIfWaiting(socket, "closed the connection before saying hello", false);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return refusedIfWaiting(socket, "sent a malformed hello (" + firstLine(e) + ")", false);
        }
    }

    /** Turns away a peer that has left the waiting room (a proven token, but a rank this run cannot take). */
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
        return "sent no hello within " + limits.helloTimeout().toMillis() / 1000.0 + " s";
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

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

package io.github.commgate.launch;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * The workers' one point of contact: a loopback server on an ephemeral port that admits only
 * peers presenting the run's random token, hands out the plan, and carries barriers,
 * all-gathers and results. Everything it learns goes to the launcher as {@link LaunchEvent}s.
 */
public final class Coordinator implements AutoCloseable {

    private final BenchmarkPlan plan;
    private final BlockingQueue<LaunchEvent> events;
    private final ServerSocket server;
    private final String token;
    private final Map<Integer, MessageChannel> ranks = new HashMap<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final CollectiveState collectives;
    private volatile boolean closed;

    public Coordinator(BenchmarkPlan plan, BlockingQueue<LaunchEvent> events, InetAddress bindAddress) throws IOException {
        this.plan = plan;
        this.events = events;
        this.server = new ServerSocket(0, 50, bindAddress);
        this.collectives = new CollectiveState(plan.worldSize());
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        Thread acceptor = new Thread(this::acceptLoop, "commgate-coordinator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    public String token() {
        return token;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                synchronized (this) {
                    sockets.add(socket);
                }
                Thread reader = new Thread(() -> serve(socket), "commgate-coordinator-peer");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!closed) {
                    events.add(new LaunchEvent.ProtocolViolation("coordinator stopped accepting: " + e.getMessage()));
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        int rank = -1;
        boolean finished = false;
        try (MessageChannel channel = new MessageChannel(socket)) {
            rank = admit(channel);
            if (rank < 0) {
                return;
            }
            while (!finished) {
                finished = handle(rank, channel, channel.receive());
            }
        } catch (IOException e) {
            if (rank >= 0 && !finished && !closed) {
                events.add(new LaunchEvent.RankDisconnected(rank, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
    }

    /** Reads the hello; returns the admitted rank, or -1 after refusing the peer. */
    private int admit(MessageChannel channel) throws IOException {
        Message first = channel.receive();
        if (!(first instanceof Message.Hello hello) || !token.equals(hello.token())) {
            events.add(new LaunchEvent.ProtocolViolation("refused a connection that did not present the run's token"));
            return -1;
        }
        int rank = hello.rank();
        synchronized (this) {
            if (rank < 0 || rank >= plan.worldSize() || ranks.containsKey(rank)) {
                events.add(new LaunchEvent.ProtocolViolation("refused a second or out-of-range rank " + rank));
                return -1;
            }
            ranks.put(rank, channel);
        }
        channel.send(new Message.PlanReply(plan));
        events.add(new LaunchEvent.RankConnected(rank));
        return rank;
    }

    /** Acts on one message of an admitted rank; true when the rank has finished. */
    private boolean handle(int rank, MessageChannel channel, Message message) throws IOException {
        if (message instanceof Message.Barrier barrier) {
            if (collectives.arriveAtBarrier(barrier.sequence(), rank)) {
                broadcast(new Message.BarrierRelease(barrier.sequence()));
            }
        } else if (message instanceof Message.AllGather gather) {
            List<byte[]> all = collectives.contribute(gather.sequence(), rank, gather.blob());
            if (all != null) {
                broadcast(new Message.AllGathered(gather.sequence(), all));
            }
        } else if (message instanceof Message.RankEnvironment environment) {
            events.add(new LaunchEvent.EnvironmentReported(rank, environment.facts()));
        } else if (message instanceof Message.PointReport report) {
            events.add(new LaunchEvent.PointReported(report.result()));
        } else if (message instanceof Message.WorkerFailure failure) {
            events.add(new LaunchEvent.RankFailed(rank, failure.message(), failure.detail()));
        } else if (message instanceof Message.Finished) {
            events.add(new LaunchEvent.RankFinished(rank));
            channel.send(new Message.Goodbye());
            return true;
        } else {
            events.add(new LaunchEvent.ProtocolViolation(
                    "rank " + rank + " sent an unexpected " + message.getClass().getSimpleName()));
        }
        return false;
    }

    private void broadcast(Message message) throws IOException {
        List<MessageChannel> channels;
        synchronized (this) {
            channels = List.copyOf(ranks.values());
        }
        for (MessageChannel channel : channels) {
            channel.send(message);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        synchronized (this) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}

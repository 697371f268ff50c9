package io.github.commgate.launch;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The workers' one point of contact: a server on an ephemeral port of the address they reach
 * (loopback for forked workers, the host's address for an engine's) that admits only peers
 * proving the run's random secret ({@link Admission} keeps everyone else small and short), hands
 * out the plan, and carries barriers, all-gathers and results. Everything it
 * learns goes to the launcher as {@link LaunchEvent}s.
 */
public final class Coordinator implements AutoCloseable {

    /** Room for a burst of connections, so that a worker's is queued rather than dropped behind a flood. */
    private static final int BACKLOG = 256;

    private final BenchmarkPlan plan;
    private final BlockingQueue<LaunchEvent> events;
    private final ServerSocket server;
    private final String token;
    private final Admission admission;
    private final Map<Integer, MessageChannel> ranks = new HashMap<>();
    private final Set<Socket> sockets = new HashSet<>();
    private final CollectiveState collectives;
    /** One reader per connection, reused: a flood of short-lived strangers creates no thread each. */
    private final ExecutorService readers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread reader = new Thread(runnable, "commgate-coordinator-peer");
                reader.setDaemon(true);
                return reader;
            });
    private volatile boolean closed;

    public Coordinator(BenchmarkPlan plan, BlockingQueue<LaunchEvent> events, InetAddress bindAddress) throws IOException {
        this(plan, events, bindAddress, AdmissionLimits.DEFAULT);
    }

    Coordinator(BenchmarkPlan plan, BlockingQueue<LaunchEvent> events, InetAddress bindAddress, AdmissionLimits limits)
            throws IOException {
        this.plan = plan;
        this.events = events;
        this.server = new ServerSocket(0, BACKLOG, bindAddress);
        this.collectives = new CollectiveState(plan.worldSize());
        this.token = SecretProof.newSecret();
        this.admission = new Admission(token, limits, events);
        Thread acceptor = new Thread(this::acceptLoop, "commgate-coordinator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** The run's secret, which reaches the workers only through their environment. */
    public String token() {
        return token;
    }

    /** Connections refused so far, named in events or not. */
    int refusedConnections() {
        return admission.refusedCount();
    }

    /** The barriers and all-gathers some ranks have reached and others not, for a timeout's message. */
    List<CollectiveState.Stall> stalls() {
        return collectives.stalls();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                synchronized (this) {
                    sockets.add(socket);
                }
                admission.arrived(socket);
                try {
                    readers.execute(() -> serve(socket));
                } catch (RejectedExecutionException closing) {
                    socket.close();
                    return;
                }
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
            rank = admit(socket, channel);
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
        } finally {
            synchronized (this) {
                sockets.remove(socket);
            }
        }
    }

    /** Reads the hello; returns the admitted rank, or -1 after refusing the peer. */
    private int admit(Socket socket, MessageChannel channel) throws IOException {
        Message.Hello hello = admission.hello(socket, channel);
        if (hello == null) {
            return -1;
        }
        int rank = hello.rank();
        String taken = null;
        synchronized (this) {
            if (rank < 0 || rank >= plan.worldSize()) {
                taken = "rank " + rank + " is not one of this run's " + plan.worldSize() + " ranks";
            } else if (ranks.containsKey(rank)) {
                taken = "rank " + rank + " has joined already";
            } else {
                ranks.put(rank, channel);
            }
        }
        if (taken != null) {
            admission.refuse(socket, taken, false);
            return -1;
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
        } else if (message instanceof Message.RankTiming timing) {
            events.add(new LaunchEvent.TimingReported(rank, timing.seconds()));
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
        admission.close();
        server.close();
        readers.shutdown();
        List<Socket> open;
        synchronized (this) {
            open = List.copyOf(sockets);
        }
        for (Socket socket : open) {
            socket.close();
        }
    }
}

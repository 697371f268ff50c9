package io.github.commgate.launch;

import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Waves of real loopback connections at a coordinator, all open at once: a third announce a
 * 64 MiB frame and send nothing more, a third say nothing, a third send a hello and a proof made
 * without the secret. Each wave is held a moment, then closed, two waves a second. Bounded: at most
 * {@link #MAX_WAVES} waves (two minutes), and it stops on {@link #close()}. Every few waves it measures this JVM's heap after a collection,
 * while the wave is held: what the coordinator keeps for strangers shows there.
 */
final class LoopbackFlood implements AutoCloseable {

    static final int MAX_WAVES = 240;
    private static final long HOLD_MILLIS = 200;
    private static final long REST_MILLIS = 300;
    private static final int MEASURE_EVERY = 4;

    private final InetSocketAddress target;
    private final int socketsPerWave;
    private final Thread thread;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicLong largestHeapBytes = new AtomicLong();
    private volatile boolean stopped;

    LoopbackFlood(InetSocketAddress target, int socketsPerWave) {
        this.target = target;
        this.socketsPerWave = socketsPerWave;
        this.thread = new Thread(this::run, "loopback-flood");
        thread.start();
    }

    private void run() {
        for (int wave = 0; wave < MAX_WAVES && !stopped; wave++) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < socketsPerWave; i++) {
                try {
                    sockets.add(knock(i % 3));
                } catch (IOException refusedOrFull) {
                    // A full backlog or a reset is what a flood meets; the next one tries anyway.
                }
            }
            opened.addAndGet(sockets.size());
            pause(HOLD_MILLIS);
            if (wave % MEASURE_EVERY == 1) {
                largestHeapBytes.accumulateAndGet(heapAfterCollection(), Math::max);
            }
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Already gone.
                }
            }
            pause(REST_MILLIS);
        }
    }

    private Socket knock(int kind) throws IOException {
        Socket socket = new Socket(target.getAddress(), target.getPort());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        if (kind == 0) {
            out.writeInt(64 << 20);
        } else if (kind == 2) {
            // A hello, and at once an answer that no challenge could have asked for: a wrong secret.
            for (Message message : new Message[] {new Message.Hello(0, 1, "a-nonce"), new Message.Proof("not-the-answer")}) {
                byte[] frame = MessageChannel.encode(message);
                out.writeInt(frame.length);
                out.write(frame);
            }
        }
        out.flush();
        return socket;
    }

    static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    int opened() {
        return opened.get();
    }

    long largestHeapBytes() {
        return largestHeapBytes.get();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }
}

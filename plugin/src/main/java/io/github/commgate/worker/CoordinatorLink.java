package io.github.commgate.worker;

import io.github.commgate.comm.Rendezvous;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import java.io.IOException;
import java.net.Socket;
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

    private final MessageChannel channel;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private volatile boolean leaving;
    private long barriers;
    private long gathers;

    CoordinatorLink(String host, int port) throws IOException {
        this.channel = new MessageChannel(new Socket(host, port));
        Thread reader = new Thread(this::readLoop, "commgate-coordinator-link");
        reader.setDaemon(true);
        reader.start();
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

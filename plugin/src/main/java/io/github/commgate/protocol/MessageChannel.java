package io.github.commgate.protocol;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;

/**
 * Length-prefixed JSON frames over a socket. Sends may come from several threads; receives come
 * from one reader thread per channel.
 */
public final class MessageChannel implements AutoCloseable {

    /** Far above any real frame (raw samples of one point), far below what could exhaust memory. */
    public static final int MAX_FRAME_BYTES = 64 << 20;
    /**
     * All a peer may send before it has proven the run's token: a hello is about 150 bytes, so a
     * stranger costs the coordinator no more than this and its stream buffer.
     */
    public static final int MAX_HELLO_BYTES = 4096;
    /** Records travel as their components; derived {@code isX()} views stay home. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public MessageChannel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    public synchronized void send(Message message) throws IOException {
        sendEncoded(encode(message));
    }

    /** Sends a frame made beforehand by {@link #encode}, as a worker does with its hello. */
    public synchronized void sendEncoded(byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    public static byte[] encode(Message message) throws IOException {
        return JSON.writeValueAsBytes(message);
    }

    /** The next message; {@link EOFException} when the peer closed the connection. */
    public Message receive() throws IOException {
        return receive(MAX_FRAME_BYTES);
    }

    /**
     * The next message, of at most {@code maxBytes}: a longer frame is refused from its length
     * alone ({@link FrameTooLargeException}), before anything is allocated for it.
     */
    public Message receive(int maxBytes) throws IOException {
        int length = in.readInt();
        if (length <= 0) {
            throw new IOException("malformed frame: length " + length);
        }
        if (length > maxBytes) {
            throw new FrameTooLargeException(length, maxBytes);
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return JSON.readValue(frame, Message.class);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.github.commgate.launch;

import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import io.github.commgate.protocol.SecretProof;
import java.io.IOException;

/** A worker's side of the handshake, by hand: for tests that speak to a real coordinator over a real socket. */
final class PeerHandshake {

    private PeerHandshake() {
    }

    /**
     * Says hello as {@code rank}, answers the coordinator's challenge with {@code secret} (right or
     * wrong), and returns what the coordinator said then: the plan, or a refusal.
     */
    static Message prove(MessageChannel channel, int rank, String secret) throws IOException {
        String nonce = SecretProof.newNonce();
        channel.send(new Message.Hello(rank, 100 + rank, nonce));
        Message first = channel.receive();
        if (!(first instanceof Message.Challenge challenge)) {
            return first;
        }
        channel.send(new Message.Proof(new SecretProof(secret).workerAnswer(rank, nonce, challenge.nonce())));
        return channel.receive();
    }
}

package io.github.commgate.launch;

import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.MessageChannel;
import java.net.Socket;

/**
 * A second process for {@link WrongSecretIsRefusedTest}: a peer that ignores whether the
 * coordinator proved the secret and answers the challenge with the secret it was given, as a
 * stranger guessing would. Prints the coordinator's last answer.
 * Arguments: host, port, rank, secret.
 */
public final class WrongSecretPeer {

    private WrongSecretPeer() {
    }

    public static void main(String[] args) throws Exception {
        try (MessageChannel channel = new MessageChannel(new Socket(args[0], Integer.parseInt(args[1])))) {
            Message answer = PeerHandshake.prove(channel, Integer.parseInt(args[2]), args[3]);
            System.out.println("answer: " + answer);
        }
    }
}

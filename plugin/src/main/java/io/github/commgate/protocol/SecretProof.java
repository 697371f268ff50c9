package io.github.commgate.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a worker and the coordinator prove to each other that they hold the run's secret without
 * sending it: each side answers the other's random nonce with an HMAC-SHA256 (RFC 2104) keyed by
 * the secret, a challenge and response as CRAM (RFC 2195) does. The two answers carry
 * different labels, so one side's answer is never a valid answer of the other, and the worker's
 * names its rank, so an answer cannot be replayed for another rank or another connection.
 */
public final class SecretProof {

    /** Bytes of a nonce: 256 bits, never repeated by chance. */
    private static final int NONCE_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** @param secret the run's secret as the environment carries it (hex) */
    public SecretProof(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh secret for one run: 24 random bytes, as hex. */
    public static String newSecret() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    public static String newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    /** The coordinator's answer to a worker's nonce, sent with the coordinator's own challenge. */
    public String coordinatorAnswer(String workerNonce, String coordinatorNonce) {
        return mac("commgate coordinator 1", -1, workerNonce, coordinatorNonce);
    }

    /** The worker's answer to the coordinator's challenge. */
    public String workerAnswer(int rank, String workerNonce, String coordinatorNonce) {
        return mac("commgate worker 1", rank, workerNonce, coordinatorNonce);
    }

    /** Compares in time independent of where the two differ, so timing tells a stranger nothing. */
    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String label, int rank, String workerNonce, String coordinatorNonce) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (String part : new String[] {label, workerNonce == null ? "" : workerNonce, coordinatorNonce}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so that no two different inputs read as the same bytes.
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            mac.update(ByteBuffer.allocate(4).putInt(rank).array());
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256 (javax.crypto.Mac's documentation).
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        }
    }
}

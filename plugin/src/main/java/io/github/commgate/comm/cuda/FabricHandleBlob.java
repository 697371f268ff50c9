package io.github.commgate.comm.cuda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a rank contributes to the all-gather of fabric handles: one tag byte, then either the
 * 64-byte {@code CUmemFabricHandle} it exported or, where the export failed, why, so every rank
 * learns of a failure on any rank and they skip together instead of waiting for a handle that
 * never comes. Pure Java, tested without a GPU.
 */
final class FabricHandleBlob {

    /** sizeof(CUmemFabricHandle): an opaque blob the coordinator moves like a CUDA IPC handle. */
    static final int HANDLE_BYTES = 64;

    private static final byte HANDLE = 0;
    private static final byte PROBLEM = 1;

    private FabricHandleBlob() {
    }

    static byte[] ofHandle(byte[] handle) {
        if (handle.length != HANDLE_BYTES) {
            throw new IllegalArgumentException("a fabric handle is " + HANDLE_BYTES + " bytes, not " + handle.length);
        }
        return tagged(HANDLE, handle);
    }

    static byte[] ofProblem(String problem) {
        return tagged(PROBLEM, problem.getBytes(StandardCharsets.UTF_8));
    }

    /** The first rank's problem, in rank order, or empty when every rank exported a handle. */
    static Optional<String> firstProblem(List<byte[]> blobs) {
        for (byte[] blob : blobs) {
            if (blob.length == 0 || blob[0] != HANDLE) {
                return Optional.of(blob.length == 0 ? "a rank sent no fabric handle"
                        : new String(blob, 1, blob.length - 1, StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The handle in a blob that {@link #firstProblem} found none in. */
    static byte[] handle(byte[] blob) {
        if (blob.length != 1 + HANDLE_BYTES || blob[0] != HANDLE) {
            throw new IllegalArgumentException("not a fabric handle blob: " + blob.length + " bytes");
        }
        return Arrays.copyOfRange(blob, 1, blob.length);
    }

    private static byte[] tagged(byte tag, byte[] body) {
        byte[] blob = new byte[1 + body.length];
        blob[0] = tag;
        System.arraycopy(body, 0, blob, 1, body.length);
        return blob;
    }
}

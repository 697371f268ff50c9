package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaDeviceCanAccessPeer;

import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Whether every rank's GPU can read every other rank's memory directly (P2P), as our kernels
 * need. Each rank checks its own GPU against its peers' and the ranks then agree on the first
 * problem, so every rank skips, or none. Ranks that share one GPU (a correctness check) need no P2P.
 */
final class PeerAccess {

    private PeerAccess() {
    }

    static Optional<String> problem(CudaCalls calls, int device, RankContext context) throws IOException {
        List<byte[]> devices = context.rendezvous().allGather(ByteBuffer.allocate(4).putInt(device).array());
        String mine = "";
        int[] can = new int[1];
        for (byte[] blob : devices) {
            int peer = ByteBuffer.wrap(blob).getInt();
            if (peer == device) {
                continue;
            }
            calls.cuda(cudaDeviceCanAccessPeer(can, device, peer), "cudaDeviceCanAccessPeer(" + device + ", " + peer + ")");
            if (can[0] == 0) {
                mine = "GPU " + device + " cannot access GPU " + peer + " over P2P (no NVLink or PCIe peer access between them)";
                break;
            }
        }
        for (byte[] blob : context.rendezvous().allGather(mine.getBytes(StandardCharsets.UTF_8))) {
            if (blob.length > 0) {
                return Optional.of(new String(blob, StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}

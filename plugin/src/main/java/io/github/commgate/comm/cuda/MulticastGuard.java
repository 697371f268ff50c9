package io.github.commgate.comm.cuda;

import io.github.commgate.comm.Rendezvous;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether {@code symm-multimem} (NVLink SHARP through a multicast object) may run. A program that
 * creates multicast objects can take every GPU of a shared host out of service, so the
 * communicator runs only where the user selected it by name (its registry declaration leaves it out of
 * the defaults), neither NCCL_NVLS_ENABLE=0 nor TORCH_SYMM_MEM_DISABLE_MULTICAST=1 is set, and
 * every rank's GPU, a GPU of its own, supports multicast and fabric handles. The ranks agree: one
 * rank's reason makes all of them skip. Only a {@link Permit} lets {@link MulticastObject} be built,
 * and only {@link #decide} hands one out. Pure Java (the device facts are read by the caller), so
 * every guard is tested without a GPU.
 */
final class MulticastGuard {

    /** Compute capability whose GPUs have multimem instructions (Hopper). */
    static final int MULTIMEM_SINCE_MAJOR = 9;

    /** What a rank read about its GPU with attribute queries, which create nothing. */
    record DeviceFacts(int ordinal, int computeCapabilityMajor, boolean multicastSupported, boolean fabricHandlesSupported) {
    }

    /** Proof that every guard passed on every rank; private constructor, so only {@link #decide} makes one. */
    static final class Permit {
        private final int worldSize;
        private final int device;

        private Permit(int worldSize, int device) {
            this.worldSize = worldSize;
            this.device = device;
        }

        /** Devices the multicast object is created for: one per rank. */
        int worldSize() {
            return worldSize;
        }

        /** This rank's GPU ordinal. */
        int device() {
            return device;
        }
    }

    /** Either a reason to skip, the same on every rank, or a permit. */
    static final class Decision {
        private final String skipReason;
        private final Permit permit;

        private Decision(String skipReason, Permit permit) {
            this.skipReason = skipReason;
            this.permit = permit;
        }

        Optional<String> skipReason() {
            return Optional.ofNullable(skipReason);
        }

        Permit permit() {
            if (permit == null) {
                throw new IllegalStateException("symm-multimem is skipped, there is no permit: " + skipReason);
            }
            return permit;
        }
    }

    private MulticastGuard() {
    }

    /** Why this rank alone must not create a multicast object, or empty. */
    static Optional<String> localReason(Map<String, String> environment, int worldSize, boolean kernelsBuilt, DeviceFacts device) {
        if ("0".equals(environment.get("NCCL_NVLS_ENABLE"))) {
            return Optional.of("multicast is disabled here (NCCL_NVLS_ENABLE=0)");
        }
        if ("1".equals(environment.get("TORCH_SYMM_MEM_DISABLE_MULTICAST"))) {
            return Optional.of("multicast is disabled here (TORCH_SYMM_MEM_DISABLE_MULTICAST=1)");
        }
        Optional<String> worldOrBuild = CustomAllReduceLimits.unavailable(worldSize, kernelsBuilt, Optional.empty());
        if (worldOrBuild.isPresent()) {
            return worldOrBuild;
        }
        if (!device.multicastSupported()) {
            return Optional.of("GPU " + device.ordinal() + " does not support multicast (CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED is 0)");
        }
        if (device.computeCapabilityMajor() < MULTIMEM_SINCE_MAJOR) {
            return Optional.of("GPU " + device.ordinal() + " has compute capability " + device.computeCapabilityMajor()
                    + ".x; multimem instructions need 9.0 or newer");
        }
        if (!device.fabricHandlesSupported()) {
            return Optional.of("needs fabric memory handles to share the multicast object between processes"
                    + " (CU_DEVICE_ATTRIBUTE_HANDLE_TYPE_FABRIC_SUPPORTED is 0 on GPU " + device.ordinal() + ")");
        }
        return Optional.empty();
    }

    /**
     * Every rank's reason and GPU, all-gathered: the first rank's reason (in rank order) is every
     * rank's, then ranks sharing a GPU (-Dcommgate.device) skip, since a multicast object needs one
     * device per rank. Otherwise every rank gets a permit. Collective: every rank calls it once.
     */
    static Decision decide(Map<String, String> environment, int worldSize, boolean kernelsBuilt, DeviceFacts device,
                           Rendezvous rendezvous) throws IOException {
        Optional<String> mine = localReason(environment, worldSize, kernelsBuilt, device);
        List<byte[]> all = rendezvous.allGather(rankReport(device.ordinal(), mine));
        int[] devices = new int[all.size()];
        for (int rank = 0; rank < all.size(); rank++) {
            ByteBuffer peer = ByteBuffer.wrap(all.get(rank));
            devices[rank] = peer.getInt();
            if (peer.hasRemaining()) {
                return new Decision(new String(all.get(rank), 4, peer.remaining(), StandardCharsets.UTF_8), null);
            }
        }
        Optional<String> shared = sharedGpu(devices);
        return shared.isPresent() ? new Decision(shared.get(), null) : new Decision(null, new Permit(worldSize, device.ordinal()));
    }

    /** What a rank contributes to the agreement: its GPU ordinal, then its reason in UTF-8 (nothing when it has none). */
    static byte[] rankReport(int device, Optional<String> reason) {
        byte[] text = reason.orElse("").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putInt(device).put(text).array();
    }

    /** The first two ranks on one GPU, or empty when every rank has its own. */
    static Optional<String> sharedGpu(int[] deviceOfRank) {
        for (int later = 1; later < deviceOfRank.length; later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (deviceOfRank[earlier] == deviceOfRank[later]) {
                    return Optional.of(String.format("needs one GPU per rank for the multicast object, but ranks %d and %d share GPU %d",
                            earlier, later, deviceOfRank[later]));
                }
            }
        }
        return Optional.empty();
    }
}

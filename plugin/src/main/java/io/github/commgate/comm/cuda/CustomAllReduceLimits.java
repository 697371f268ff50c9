package io.github.commgate.comm.cuda;

import io.github.commgate.comm.AllReducePoint;
import java.util.Optional;
import java.util.Set;

/**
 * When our kernels can run, decided the same way on every rank, with the reason when not. Pure
 * Java, so it is tested without a GPU.
 */
final class CustomAllReduceLimits {

    /** The rank counts the kernels are instantiated for, as vLLM's custom all-reduce. */
    static final Set<Integer> WORLD_SIZES = Set.of(2, 4, 6, 8);

    private CustomAllReduceLimits() {
    }

    /** Why the communicator cannot run in this run at all (any size), or empty. */
    static Optional<String> unavailable(int worldSize, boolean kernelsBuilt, Optional<String> peerAccessProblem) {
        if (!WORLD_SIZES.contains(worldSize)) {
            return Optional.of("needs 2, 4, 6 or 8 ranks; this run has " + worldSize);
        }
        if (!kernelsBuilt) {
            return Optional.of(KernelLibrary.NOT_BUILT);
        }
        return peerAccessProblem;
    }

    /** Why one point cannot run, or empty. */
    static Optional<String> pointProblem(AllReducePoint point, long maxBytes) {
        if (point.bytes() % KernelLaunch.VECTOR_BYTES != 0) {
            return Optional.of(point.bytes() + " bytes is not a multiple of the 16-byte vectors the kernels move");
        }
        if (point.bytes() > maxBytes) {
            return Optional.of(String.format("%d bytes is over the %d-byte limit of this communicator (customAllReduceMaxSize)",
                    point.bytes(), maxBytes));
        }
        return Optional.empty();
    }
}

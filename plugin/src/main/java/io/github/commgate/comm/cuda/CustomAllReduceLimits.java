package io.github.commgate.comm.cuda;

import io.github.commgate.comm.AllReducePoint;
import java.util.Optional;

/**
 * When our kernels can run, decided the same way on every rank, with the reason when not. Pure
 * Java, so it is tested without a GPU.
 */
final class CustomAllReduceLimits {

    private CustomAllReduceLimits() {
    }

    /** Why the communicator cannot run in this run at all (any size), or empty. */
    static Optional<String> unavailable(int worldSize, boolean kernelsBuilt, Optional<String> peerAccessProblem) {
        if (!KernelFamily.WORLD_SIZES.contains(worldSize)) {
            return Optional.of("needs 2, 4, 6 or 8 ranks; this run has " + worldSize);
        }
        if (!kernelsBuilt) {
            return Optional.of(KernelLibrary.NOT_BUILT);
        }
        return peerAccessProblem;
    }

    /**
     * Why one point cannot run, or empty.
     *
     * @param vectorBytes the granule our kernels move (the fatbin's kVectorBytes)
     * @param limitName   what {@code maxBytes} comes from, named in the reason
     */
    static Optional<String> pointProblem(AllReducePoint point, long maxBytes, int vectorBytes, String limitName) {
        if (point.bytes() % vectorBytes != 0) {
            return Optional.of(point.bytes() + " bytes is not a multiple of the " + vectorBytes + "-byte vectors the kernels move");
        }
        if (point.bytes() > maxBytes) {
            return Optional.of(String.format("%d bytes is over the %d-byte limit of this communicator (%s)",
                    point.bytes(), maxBytes, limitName));
        }
        return Optional.empty();
    }
}

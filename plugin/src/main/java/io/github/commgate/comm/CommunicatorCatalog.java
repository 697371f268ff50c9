package io.github.commgate.comm;

import java.util.List;
import java.util.Optional;

/**
 * The communicators each backend offers, by the names users select them with, and the limits
 * that can be checked before any worker starts. It names classes only by string, so reading
 * the catalogue never loads a backend's native code.
 */
public final class CommunicatorCatalog {

    /** Every algorithm of ours moves 16-byte vectors, as vLLM's custom all-reduce does. */
    public static final int VECTOR_BYTES = 16;

    private static final List<String> CPU = List.of("shm-oneshot", "shm-twoshot");
    /** Kept in step with comm.cuda.CudaCommunicators.NAMES, named here without loading that package. */
    private static final List<String> CUDA = List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot", "symm-multimem");
    /** Multicast can take a shared host's GPUs out of service: it runs only when selected by name. */
    private static final List<String> CUDA_DEFAULT = List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot");

    private CommunicatorCatalog() {
    }

    /** The backend that {@link Backend#AUTO} means on a machine with {@code visibleGpus} GPUs. */
    public static Backend resolve(Backend requested, int visibleGpus) {
        if (requested != Backend.AUTO) {
            return requested;
        }
        return visibleGpus > 0 ? Backend.CUDA : Backend.CPU;
    }

    /** What runs when the user selects nothing: every communicator but the multicast one. */
    public static List<String> defaults(Backend backend) {
        return backend == Backend.CUDA ? CUDA_DEFAULT : names(backend);
    }

    public static List<String> names(Backend backend) {
        return switch (backend) {
            case CPU -> CPU;
            case CUDA -> CUDA;
            case AUTO -> List.of();
        };
    }

    /** The communicator that speedups are measured against: NCCL on GPUs, the first otherwise. */
    public static String reference(List<String> communicators) {
        return communicators.contains("nccl") ? "nccl" : communicators.get(0);
    }

    /**
     * Why {@code communicator} can never split {@code point} into the pieces its algorithm
     * moves, whatever machine it runs on, or empty when it can.
     */
    public static Optional<String> splitProblem(String communicator, AllReducePoint point) {
        if (!communicator.startsWith("nccl") && point.bytes() % VECTOR_BYTES != 0) {
            return Optional.of(String.format(
                    "%s: sequence length %d x hidden size %d in %s is %d bytes, not a multiple of the %d-byte vectors the algorithm moves",
                    communicator, point.sequenceLength(), point.hiddenSize(), point.dtype(),
                    point.bytes(), VECTOR_BYTES));
        }
        return Optional.empty();
    }
}

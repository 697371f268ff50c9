package io.github.commgate.comm;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * One communicator, declared once in its backend's registry: the name users select it by,
 * whether it runs when they select nothing, the granule its algorithm moves, and how a rank
 * opens it. Validation, the worker's factory and the docs all read this declaration.
 *
 * @param onByDefault  false for what must be asked for by name (multicast can take a shared
 *                     host's GPUs out of service)
 * @param vectorBytes  every size it all-reduces must be a multiple of this: 16 for our
 *                     algorithms, which move 16-byte vectors as vLLM's custom all-reduce does;
 *                     1 for a library that takes any size
 * @param needsOneNode true where the ranks share memory (a shared-memory file, CUDA IPC, NVLink
 *                     multicast), which only processes of one node can; across nodes every
 *                     point is skipped with that reason, and the communicator is never opened
 */
public record CommunicatorDeclaration(String name, Backend backend, boolean onByDefault, int vectorBytes,
                                      boolean needsOneNode, Opener opener) {

    /** Our algorithms move 16-byte vectors (8 bf16/fp16 or 4 fp32 values per load and store). */
    public static final int VECTOR_BYTES = 16;

    /** Opens the communicator on one rank; every rank calls it, in the same order as its peers. */
    @FunctionalInterface
    public interface Opener {
        Communicator open(RankContext context) throws IOException;
    }

    /**
     * Why this communicator can never take {@code point}, whatever machine it runs on, or empty
     * when it can: checked before any worker starts.
     */
    public Optional<String> splitProblem(AllReducePoint point) {
        if (point.bytes() % vectorBytes == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: sequence length %d x hidden size %d in %s is %d bytes, not a multiple of the %d-byte vectors the algorithm moves",
                name, point.sequenceLength(), point.hiddenSize(), point.dtype(), point.bytes(), vectorBytes));
    }

    /** Why it cannot run on {@code nodes}, or empty when it can. */
    public Optional<String> placementProblem(NodeLayout nodes) {
        if (!needsOneNode || nodes.nodeCount() == 1) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s needs every rank on one node (its ranks share memory); this run's %s",
                name, nodes.describe()));
    }
}

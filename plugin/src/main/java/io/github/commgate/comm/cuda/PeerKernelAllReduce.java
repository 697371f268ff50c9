package io.github.commgate.comm.cuda;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;

/**
 * What our kernel communicators share: whether they can run here at all (rank count, kernels
 * built, P2P between every pair, agreed by all ranks), their size limit, the kernels preloaded
 * before any launch, and a teardown that waits for the peers before freeing memory they read.
 */
abstract class PeerKernelAllReduce extends GraphTimedAllReduce {

    private final CudaRank rank;
    private final KernelFamily family;
    protected final long maxBytes;
    private final Optional<String> unavailable;
    private KernelLibrary kernels;

    PeerKernelAllReduce(CudaRank rank, RankContext context, long limitBytes, KernelFamily family) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.family = family;
        this.maxBytes = Math.min(context.maxBytes(), limitBytes);
        Optional<String> world = CustomAllReduceLimits.unavailable(context.worldSize(), KernelLibrary.built(), Optional.empty());
        this.unavailable = world.isPresent() ? world : PeerAccess.problem(calls, device.ordinal(), context);
        if (available()) {
            kernels = KernelLibrary.load(calls).orElseThrow();
            kernels.preload(family, context.worldSize());
        }
    }

    protected final boolean available() {
        return unavailable.isEmpty();
    }

    /** The fatbin's numbers; only while {@link #available()}. */
    protected final KernelAbi abi() {
        return kernels.abi();
    }

    /** Buffers are never smaller than one vector, so a tiny plan still allocates something valid. */
    protected final long bufferBytes() {
        return Math.max(maxBytes, abi().vectorBytes());
    }

    @Override
    protected final Optional<String> pointProblem(AllReducePoint point) {
        return unavailable.isPresent() ? unavailable
                : CustomAllReduceLimits.pointProblem(point, maxBytes, abi().vectorBytes(), limitName());
    }

    /** What {@link #maxBytes} comes from, as the skip reason of a larger point names it. */
    protected String limitName() {
        return "customAllReduceMaxSize";
    }

    /** Launches this communicator's kernel for {@code point} on the rank's stream. */
    protected final void launch(AllReducePoint point, int blocks, KernelArguments arguments) throws CudaException {
        kernels.launch(family.kernel(point.dtype(), context.worldSize()), blocks, device.stream(), arguments);
    }

    /** Frees this communicator's device memory; peers are done with it by then. */
    protected abstract void freeBuffers();

    @Override
    public final void close() throws IOException {
        super.close();
        if (available()) {
            synchronize();
            // note: a peer's last kernel may still read our buffers; meeting at a barrier first
            // keeps us from freeing memory another rank's kernel is about to touch.
            context.rendezvous().barrier();
            freeBuffers();
        }
        rank.release();
    }
}

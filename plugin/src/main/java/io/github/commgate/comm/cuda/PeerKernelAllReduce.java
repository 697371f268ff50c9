package io.github.commgate.comm.cuda;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.cuda.cudart.CUfunc_st;

/**
 * What our kernel communicators share: whether they can run here at all (rank count, kernels
 * built, P2P between every pair, agreed by all ranks), their size limit, the kernels preloaded
 * before any launch, and a teardown that waits for the peers before freeing memory they read.
 */
abstract class PeerKernelAllReduce extends GraphTimedAllReduce {

    private final CudaRank rank;
    private final String algorithm;
    protected final long maxBytes;
    private final Optional<String> unavailable;
    private KernelLibrary kernels;

    PeerKernelAllReduce(CudaRank rank, RankContext context, long limitBytes, String algorithm) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.algorithm = algorithm;
        this.maxBytes = Math.min(context.maxBytes(), limitBytes);
        Optional<String> world = CustomAllReduceLimits.unavailable(context.worldSize(), KernelLibrary.built(), Optional.empty());
        this.unavailable = world.isPresent() ? world : PeerAccess.problem(calls, device.ordinal(), context);
        if (available()) {
            kernels = KernelLibrary.load(calls).orElseThrow();
            kernels.preload(algorithm, context.worldSize());
        }
    }

    protected final boolean available() {
        return unavailable.isEmpty();
    }

    /** Buffers are never smaller than one vector, so a tiny plan still allocates something valid. */
    protected final long bufferBytes() {
        return Math.max(maxBytes, KernelLaunch.VECTOR_BYTES);
    }

    @Override
    public final Optional<String> skipReason(AllReducePoint point) {
        return unavailable.isPresent() ? unavailable : CustomAllReduceLimits.pointProblem(point, maxBytes);
    }

    protected final String kernelName(AllReducePoint point) {
        return KernelLaunch.kernelName(algorithm, point.dtype(), context.worldSize());
    }

    protected final CUfunc_st kernel(AllReducePoint point) throws CudaException {
        return kernels.function(kernelName(point));
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

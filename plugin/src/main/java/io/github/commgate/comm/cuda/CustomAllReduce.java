package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code custom-oneshot} and {@code custom-twoshot}: our kernels over CUDA IPC, as vLLM's
 * ca_1stage and ca_2stage. Each rank's input buffer is registered with every peer before any
 * capture, so graph replays read fixed pointers, as vLLM's graph mode does; the timed op is the
 * kernel alone, with no copy in.
 */
final class CustomAllReduce extends GraphTimedAllReduce {

    enum Algorithm {
        ONESHOT("oneshot", "custom-oneshot"),
        TWOSHOT("twoshot", "custom-twoshot");

        final String kernel;
        final String communicator;

        Algorithm(String kernel, String communicator) {
            this.kernel = kernel;
            this.communicator = communicator;
        }
    }

    private final CudaRank rank;
    private final Algorithm algorithm;
    private final long maxBytes;
    private final Optional<String> unavailable;
    private final Pointer output = new Pointer();
    private PeerBuffers inputs;
    private PeerBuffers signals;
    private KernelLibrary kernels;

    CustomAllReduce(CudaRank rank, RankContext context, Algorithm algorithm, long limitBytes) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.algorithm = algorithm;
        this.maxBytes = Math.min(context.maxBytes(), limitBytes);
        Optional<String> world = CustomAllReduceLimits.unavailable(context.worldSize(), KernelLibrary.built(), Optional.empty());
        this.unavailable = world.isPresent() ? world : PeerAccess.problem(calls, device.ordinal(), context);
        if (unavailable.isEmpty()) {
            kernels = KernelLibrary.load(calls).orElseThrow();
            kernels.preload(algorithm.kernel, context.worldSize());
            inputs = new PeerBuffers(calls, context, Math.max(maxBytes, KernelLaunch.VECTOR_BYTES), "input");
            // The two-shot's scratch follows the signal area in the same peer-visible allocation.
            long scratch = algorithm == Algorithm.TWOSHOT ? maxBytes : 0;
            signals = new PeerBuffers(calls, context, SignalArea.BYTES + scratch, "signals");
            calls.cuda(cudaMalloc(output, Math.max(maxBytes, KernelLaunch.VECTOR_BYTES)), "cudaMalloc(output)");
        }
    }

    @Override
    public String name() {
        return algorithm.communicator;
    }

    @Override
    public Optional<String> skipReason(AllReducePoint point) {
        return unavailable.isPresent() ? unavailable : CustomAllReduceLimits.pointProblem(point, maxBytes);
    }

    @Override
    protected Pointer input() {
        return inputs.own();
    }

    @Override
    protected Pointer output() {
        return output;
    }

    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        String name = KernelLaunch.kernelName(algorithm.kernel, point.dtype(), context.worldSize());
        KernelLaunch.launch(calls, kernels.function(name), name, device.stream(), inputs.peers(), signals.peers(),
                output, context.rank(), KernelLaunch.vectors(point));
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (unavailable.isEmpty()) {
            synchronize();
            // note: a peer may still read our input in its last kernel; the barrier keeps us from
            // freeing memory that another rank's kernel is about to touch.
            context.rendezvous().barrier();
            inputs.close();
            signals.close();
            cudaFree(output);
        }
        rank.release();
    }
}

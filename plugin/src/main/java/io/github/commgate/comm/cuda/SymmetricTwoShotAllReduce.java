package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code symm-twoshot}, as vLLM's symm_mem_two_shot: the input is copied into a peer-visible
 * buffer, our in-place kernel reduces this rank's slice of every rank's buffer and writes it into
 * the same slice of every peer's buffer, and the result is copied out. The copies are part of the
 * timed op, as they are in vLLM.
 */
final class SymmetricTwoShotAllReduce extends GraphTimedAllReduce {

    private final CudaRank rank;
    private final long maxBytes;
    private final Optional<String> unavailable;
    private final Pointer input = new Pointer();
    private final Pointer output = new Pointer();
    private PeerBuffers buffers;
    private PeerBuffers signals;
    private KernelLibrary kernels;

    SymmetricTwoShotAllReduce(CudaRank rank, RankContext context, long limitBytes) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.maxBytes = Math.min(context.maxBytes(), limitBytes);
        Optional<String> world = CustomAllReduceLimits.unavailable(context.worldSize(), KernelLibrary.built(), Optional.empty());
        this.unavailable = world.isPresent() ? world : PeerAccess.problem(calls, device.ordinal(), context);
        if (unavailable.isEmpty()) {
            long bytes = Math.max(maxBytes, KernelLaunch.VECTOR_BYTES);
            kernels = KernelLibrary.load(calls).orElseThrow();
            kernels.preload("symm_twoshot", context.worldSize());
            buffers = new PeerBuffers(calls, context, bytes, "symmetric buffer");
            signals = new PeerBuffers(calls, context, SignalArea.BYTES, "signals");
            calls.cuda(cudaMalloc(input, bytes), "cudaMalloc(input)");
            calls.cuda(cudaMalloc(output, bytes), "cudaMalloc(output)");
        }
    }

    @Override
    public String name() {
        return "symm-twoshot";
    }

    @Override
    public Optional<String> skipReason(AllReducePoint point) {
        return unavailable.isPresent() ? unavailable : CustomAllReduceLimits.pointProblem(point, maxBytes);
    }

    @Override
    protected Pointer input() {
        return input;
    }

    @Override
    protected Pointer output() {
        return output;
    }

    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        String name = KernelLaunch.kernelName("symm_twoshot", point.dtype(), context.worldSize());
        calls.cuda(cudaMemcpyAsync(buffers.own(), input, point.bytes(), cudaMemcpyDeviceToDevice, device.stream()), "cudaMemcpyAsync(copy-in)");
        KernelLaunch.launchInPlace(calls, kernels.function(name), name, device.stream(), buffers.peers(), signals.peers(),
                context.rank(), KernelLaunch.vectors(point));
        calls.cuda(cudaMemcpyAsync(output, buffers.own(), point.bytes(), cudaMemcpyDeviceToDevice, device.stream()), "cudaMemcpyAsync(copy-out)");
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (unavailable.isEmpty()) {
            synchronize();
            context.rendezvous().barrier();
            buffers.close();
            signals.close();
            cudaFree(input);
            cudaFree(output);
        }
        rank.release();
    }
}

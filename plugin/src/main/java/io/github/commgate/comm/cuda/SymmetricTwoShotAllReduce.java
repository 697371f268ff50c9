package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code symm-twoshot}, as vLLM's symm_mem_two_shot: the input is copied into a peer-visible
 * buffer, our in-place kernel reduces this rank's slice of every rank's buffer and writes it into
 * the same slice of every peer's buffer, and the result is copied out. The copies are part of the
 * timed op, as they are in vLLM.
 */
final class SymmetricTwoShotAllReduce extends PeerKernelAllReduce {

    static final KernelFamily KERNELS = new KernelFamily("symm_twoshot");

    private final Pointer input = new Pointer();
    private final Pointer output = new Pointer();
    private PeerBuffers buffers;
    private PeerBuffers signals;

    SymmetricTwoShotAllReduce(CudaRank rank, RankContext context, long limitBytes) throws IOException {
        super(rank, context, limitBytes, KERNELS);
        if (available()) {
            buffers = new PeerBuffers(calls, context, abi(), bufferBytes(), "symmetric buffer");
            signals = new PeerBuffers(calls, context, abi(), abi().signalBytes(), "signals");
            calls.cuda(cudaMalloc(input, bufferBytes()), "cudaMalloc(input)");
            calls.cuda(cudaMalloc(output, bufferBytes()), "cudaMalloc(output)");
            buffers(input, output);
        }
    }

    @Override
    public String name() {
        return "symm-twoshot";
    }

    /** Copy in, {@code kernel(Peers buffers, Peers signals, int rank, long long vectors)}, copy out. */
    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        calls.cuda(cudaMemcpyAsync(buffers.own(), input, point.bytes(), cudaMemcpyDeviceToDevice, device.stream()), "cudaMemcpyAsync(copy-in)");
        long vectors = abi().vectors(point.bytes());
        try (KernelArguments arguments = new KernelArguments().peers(buffers.peers()).peers(signals.peers()).int32(context.rank())
                .int64(vectors)) {
            launch(point, abi().blocks(vectors), arguments);
        }
        calls.cuda(cudaMemcpyAsync(output, buffers.own(), point.bytes(), cudaMemcpyDeviceToDevice, device.stream()), "cudaMemcpyAsync(copy-out)");
    }

    @Override
    protected void freeBuffers() {
        buffers.close();
        signals.close();
        cudaFree(input);
        cudaFree(output);
    }
}

package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code custom-oneshot} and {@code custom-twoshot}: our kernels over CUDA IPC, as vLLM's
 * ca_1stage and ca_2stage. Each rank's input buffer is registered with every peer before any
 * capture, so graph replays read fixed pointers, as vLLM's graph mode does; the timed op is the
 * kernel alone, with no copy in.
 */
final class CustomAllReduce extends PeerKernelAllReduce {

    static final KernelFamily ONESHOT_KERNELS = new KernelFamily("oneshot");
    static final KernelFamily TWOSHOT_KERNELS = new KernelFamily("twoshot");

    enum Algorithm {
        ONESHOT(ONESHOT_KERNELS, "custom-oneshot"),
        TWOSHOT(TWOSHOT_KERNELS, "custom-twoshot");

        final KernelFamily kernels;
        final String communicator;

        Algorithm(KernelFamily kernels, String communicator) {
            this.kernels = kernels;
            this.communicator = communicator;
        }
    }

    private final Algorithm algorithm;
    private final Pointer output = new Pointer();
    private PeerBuffers inputs;
    private PeerBuffers signals;

    CustomAllReduce(CudaRank rank, RankContext context, Algorithm algorithm, long limitBytes) throws IOException {
        super(rank, context, limitBytes, algorithm.kernels);
        this.algorithm = algorithm;
        if (available()) {
            inputs = new PeerBuffers(calls, context, abi(), bufferBytes(), "input");
            // The two-shot's scratch follows the signal area in the same peer-visible allocation.
            long scratch = algorithm == Algorithm.TWOSHOT ? maxBytes : 0;
            signals = new PeerBuffers(calls, context, abi(), abi().signalBytes() + scratch, "signals");
            calls.cuda(cudaMalloc(output, bufferBytes()), "cudaMalloc(output)");
            buffers(inputs.own(), output);
        }
    }

    @Override
    public String name() {
        return algorithm.communicator;
    }

    /** {@code kernel(Peers inputs, Peers signals, void* output, int rank, long long vectors)}. */
    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        long vectors = abi().vectors(point.bytes());
        try (KernelArguments arguments = new KernelArguments().peers(inputs.peers()).peers(signals.peers()).pointer(output)
                .int32(context.rank()).int64(vectors)) {
            launch(point, abi().blocks(vectors), arguments);
        }
    }

    @Override
    protected void freeBuffers() {
        inputs.close();
        signals.close();
        cudaFree(output);
    }
}

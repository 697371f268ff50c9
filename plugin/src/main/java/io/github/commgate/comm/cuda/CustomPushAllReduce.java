package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemsetD32;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code custom-push}: our one-shot without barriers (native/src/main/cuda/allreduce_push.cuh).
 * Each rank stores its input straight into its slot of every peer's receive buffers, shared
 * through CUDA IPC, and sums what arrives in its own; a launch costs one trip over the links
 * instead of the one-shot's two barrier round trips. No peer reads this rank's input or output,
 * so both are plain local buffers. The timed op is the kernel alone, as for custom-oneshot.
 */
final class CustomPushAllReduce extends PeerKernelAllReduce {

    static final KernelFamily KERNELS = new KernelFamily("push");

    /**
     * The largest message. Push saves the one-shot's barriers but moves more bytes through each
     * GPU's memory (the receive buffers and their reset); in the loopback table (one H200 playing
     * every rank) it beats the one-shot at 256 KiB, ties at 512 KiB with 2 ranks and loses from
     * 768 KiB on (docs/kernels.md). Every rank holds 3 receive buffers of it per peer: 10.5 MiB
     * at 8 ranks.
     */
    static final long MAX_BYTES = 512L << 10;

    private final long customMaxBytes;
    private final Pointer input = new Pointer();
    private final Pointer output = new Pointer();
    private PeerBuffers areas;
    private long slotVectors;

    CustomPushAllReduce(CudaRank rank, RankContext context, long limitBytes) throws IOException {
        super(rank, context, Math.min(limitBytes, MAX_BYTES), KERNELS);
        this.customMaxBytes = limitBytes;
        if (available()) {
            KernelAbi abi = abi();
            slotVectors = (bufferBytes() + abi.vectorBytes() - 1) / abi.vectorBytes();
            long areaBytes = abi.pushAreaBytes(slotVectors, context.worldSize());
            areas = new PeerBuffers(calls, context, abi, areaBytes, "push receive buffers", own -> {
                long words = (areaBytes - abi.pushStateBytes()) / Integer.BYTES;
                calls.driver(cuMemsetD32(own.address() + abi.pushStateBytes(), abi.pushSentinel(), words),
                        "cuMemsetD32(push receive buffers, sentinel)");
            });
            calls.cuda(cudaMalloc(input, bufferBytes()), "cudaMalloc(input)");
            calls.cuda(cudaMalloc(output, bufferBytes()), "cudaMalloc(output)");
            buffers(input, output);
        }
    }

    @Override
    public String name() {
        return "custom-push";
    }

    @Override
    protected String limitName() {
        return MAX_BYTES < customMaxBytes ? "custom-push keeps 3 receive buffers of it per peer" : super.limitName();
    }

    /**
     * {@code kernel(Peers areas, const void* input, void* output, int rank, long long vectors,
     * long long slot_vectors)}, always on the grid of a full slot: each block's state in the push
     * area describes what that block received, so the grid must not change between launches.
     */
    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        long vectors = abi().vectors(point.bytes());
        try (KernelArguments arguments = new KernelArguments().peers(areas.peers()).pointer(input).pointer(output)
                .int32(context.rank()).int64(vectors).int64(slotVectors)) {
            launch(point, abi().blocks(slotVectors), arguments);
        }
    }

    @Override
    protected void freeBuffers() {
        areas.close();
        cudaFree(input);
        cudaFree(output);
    }
}

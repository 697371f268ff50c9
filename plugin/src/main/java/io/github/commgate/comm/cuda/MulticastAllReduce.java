package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_HANDLE_TYPE_FABRIC_SUPPORTED;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoDAsync;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code symm-multimem}, as vLLM's symm_mem_multimem (PyTorch's multimem_all_reduce_): the input
 * is copied into this rank's symmetric allocation, our multimem kernel reduces each rank's slice
 * in the NVSwitch through the multicast address and stores the sum to every rank at once, and the
 * result is copied out. The copies are part of the timed op, as they are in vLLM. Nothing here
 * touches multicast unless {@link MulticastGuard} permits it on every rank; see MulticastObject.
 */
final class MulticastAllReduce extends GraphTimedAllReduce {

    static final KernelFamily KERNELS = new KernelFamily("multimem");

    private final CudaRank rank;
    private final long maxBytes;
    private final Optional<String> unavailable;
    private final Pointer input = new Pointer();
    private final Pointer output = new Pointer();
    private BytePointer signals;
    private FabricMemory memory;
    private MulticastObject multicast;
    private KernelLibrary kernels;

    MulticastAllReduce(CudaRank rank, RankContext context, long limitBytes) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.maxBytes = Math.min(context.maxBytes(), limitBytes);
        MulticastGuard.Decision decision = MulticastGuard.decide(System.getenv(), context.worldSize(), KernelLibrary.built(),
                deviceFacts(), context.rendezvous());
        Optional<String> problem = decision.skipReason();
        if (problem.isEmpty()) {
            // The signal areas are read and written through peers' unicast mappings.
            problem = PeerAccess.problem(calls, device.ordinal(), context);
        }
        if (problem.isEmpty()) {
            problem = allocateAndBind(decision.permit());
        }
        this.unavailable = problem;
    }

    /** Read-only attribute queries: they create nothing. */
    private MulticastGuard.DeviceFacts deviceFacts() throws CudaException {
        int[] multicastSupported = new int[1];
        int[] fabricSupported = new int[1];
        calls.driver(cuDeviceGetAttribute(multicastSupported, CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED, device.ordinal()),
                "cuDeviceGetAttribute(MULTICAST_SUPPORTED)");
        calls.driver(cuDeviceGetAttribute(fabricSupported, CU_DEVICE_ATTRIBUTE_HANDLE_TYPE_FABRIC_SUPPORTED, device.ordinal()),
                "cuDeviceGetAttribute(HANDLE_TYPE_FABRIC_SUPPORTED)");
        return new MulticastGuard.DeviceFacts(device.ordinal(), device.computeCapabilityMajor(),
                multicastSupported[0] != 0, fabricSupported[0] != 0);
    }

    /** Allocates, shares and binds the symmetric memory; empty unless the ranks cannot share fabric handles. */
    private Optional<String> allocateAndBind(MulticastGuard.Permit permit) throws IOException {
        kernels = KernelLibrary.load(calls).orElseThrow();
        kernels.preload(KERNELS, context.worldSize());
        KernelAbi abi = kernels.abi();
        long granularity = SymmetricLayout.commonGranularity(FabricMemory.allocationGranularity(calls, device.ordinal()),
                MulticastObject.granularity(permit, calls, Math.max(maxBytes, abi.vectorBytes())));
        SymmetricLayout layout = SymmetricLayout.of(maxBytes, granularity, abi);
        memory = new FabricMemory(calls, context, device.ordinal(), layout);
        if (memory.problem().isPresent()) {
            return memory.problem();
        }
        multicast = new MulticastObject(permit, calls, context, memory);
        signals = new BytePointer(abi.peersBytes());
        for (int peer = 0; peer < abi.maxRanks(); peer++) {
            signals.putLong(peer * (long) Long.BYTES, peer < context.worldSize() ? memory.address(peer) + layout.signalOffset() : 0L);
        }
        calls.cuda(cudaMalloc(input, layout.dataBytes()), "cudaMalloc(input)");
        calls.cuda(cudaMalloc(output, layout.dataBytes()), "cudaMalloc(output)");
        buffers(input, output);
        return Optional.empty();
    }

    @Override
    public String name() {
        return "symm-multimem";
    }

    @Override
    protected Optional<String> pointProblem(AllReducePoint point) {
        return unavailable.isPresent() ? unavailable
                : CustomAllReduceLimits.pointProblem(point, maxBytes, kernels.abi().vectorBytes(), "customAllReduceMaxSize");
    }

    /** Copy in, {@code kernel(void* multicast, Peers signals, int rank, long long vectors)}, copy out. */
    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        long own = memory.address(context.rank());
        calls.driver(cuMemcpyDtoDAsync(own, input.address(), point.bytes(), device.stream()), "cuMemcpyDtoDAsync(copy-in)");
        KernelAbi abi = kernels.abi();
        long vectors = abi.vectors(point.bytes());
        try (KernelArguments arguments = new KernelArguments().pointer(multicast.address()).peers(signals).int32(context.rank())
                .int64(vectors)) {
            kernels.launch(KERNELS.kernel(point.dtype(), context.worldSize()), abi.multicastBlocks(vectors, context.worldSize()),
                    device.stream(), arguments);
        }
        calls.driver(cuMemcpyDtoDAsync(output.address(), own, point.bytes(), device.stream()), "cuMemcpyDtoDAsync(copy-out)");
    }

    /** Frees in the reverse order of {@link #allocateAndBind}: the plain buffers, the multicast object, the symmetric memory. */
    @Override
    public void close() throws IOException {
        super.close();
        if (unavailable.isEmpty()) {
            synchronize();
            // note: a peer's last kernel may still store into our allocation through the multicast
            // object; meeting at a barrier first keeps us from unbinding memory it still reaches.
            context.rendezvous().barrier();
            cudaFree(output);
            cudaFree(input);
            multicast.close();
            memory.close();
        }
        if (signals != null) {
            signals.close();
        }
        rank.release();
    }
}

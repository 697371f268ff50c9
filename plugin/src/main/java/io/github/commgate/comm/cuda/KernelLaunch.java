package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.DType;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Launches one of our kernels. cuLaunchKernel takes, per argument, a pointer to host memory
 * holding the argument's value; the values are copied at launch (and at capture, so a graph
 * keeps them), so the host memory may be reused right after.
 */
final class KernelLaunch {

    /** Threads per block and the block cap of native/src/main/cuda (kThreads, kMaxBlocks), as vLLM's custom all-reduce uses. */
    static final int THREADS = 512;
    static final int MAX_BLOCKS = 36;
    static final int VECTOR_BYTES = 16;

    private KernelLaunch() {
    }

    static String kernelName(String algorithm, DType dtype, int ranks) {
        return "commgate_" + algorithm + "_" + dtype.label() + "_" + ranks;
    }

    static long vectors(AllReducePoint point) {
        return point.bytes() / VECTOR_BYTES;
    }

    /** Every rank launches the same grid for the same size, so blocks pair up across ranks. */
    static int blocks(long vectors) {
        return (int) Math.max(1, Math.min(MAX_BLOCKS, (vectors + THREADS - 1) / THREADS));
    }

    /**
     * The grid of a multimem launch (multimem_launch_blocks in native/src/main/cuda): enough
     * blocks for one rank's slice of ceil(vectors / ranks) vectors, the same on every rank.
     */
    static int multicastBlocks(long vectors, int ranks) {
        return blocks((vectors + ranks - 1) / ranks);
    }

    /** {@code kernel(Peers a, Peers b, void* out, int rank, long long vectors)}: one-shot and two-shot. */
    static void launch(CudaCalls calls, CUfunc_st function, String name, CUstream_st stream,
                       BytePointer peersA, BytePointer peersB, Pointer output, int rank, long vectors) throws CudaException {
        try (LongPointer out = new LongPointer(1).put(output.address());
             IntPointer rankValue = new IntPointer(1).put(rank);
             LongPointer count = new LongPointer(1).put(vectors);
             PointerPointer<Pointer> args = new PointerPointer<>(peersA, peersB, out, rankValue, count)) {
            calls.driver(cuLaunchKernel(function, blocks(vectors), 1, 1, THREADS, 1, 1, 0, stream, args, null),
                    "cuLaunchKernel(" + name + ", " + vectors + " vectors)");
        }
    }

    /** {@code kernel(Peers buffers, Peers signals, int rank, long long vectors)}: the in-place symmetric two-shot. */
    static void launchInPlace(CudaCalls calls, CUfunc_st function, String name, CUstream_st stream,
                              BytePointer buffers, BytePointer signals, int rank, long vectors) throws CudaException {
        try (IntPointer rankValue = new IntPointer(1).put(rank);
             LongPointer count = new LongPointer(1).put(vectors);
             PointerPointer<Pointer> args = new PointerPointer<>(buffers, signals, rankValue, count)) {
            calls.driver(cuLaunchKernel(function, blocks(vectors), 1, 1, THREADS, 1, 1, 0, stream, args, null),
                    "cuLaunchKernel(" + name + ", " + vectors + " vectors)");
        }
    }

    /** {@code kernel(void* multicast, Peers signals, int rank, long long vectors)}: the multimem all-reduce. */
    static void launchMulticast(CudaCalls calls, CUfunc_st function, String name, CUstream_st stream,
                                long multicast, BytePointer signals, int rank, int ranks, long vectors) throws CudaException {
        try (LongPointer address = new LongPointer(1).put(multicast);
             IntPointer rankValue = new IntPointer(1).put(rank);
             LongPointer count = new LongPointer(1).put(vectors);
             PointerPointer<Pointer> args = new PointerPointer<>(address, signals, rankValue, count)) {
            calls.driver(cuLaunchKernel(function, multicastBlocks(vectors, ranks), 1, 1, THREADS, 1, 1, 0, stream, args, null),
                    "cuLaunchKernel(" + name + ", " + vectors + " vectors)");
        }
    }
}

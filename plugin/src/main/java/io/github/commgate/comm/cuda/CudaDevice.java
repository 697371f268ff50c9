package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaDriverGetVersion;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;
import static org.bytedeco.cuda.global.cudart.cudaRuntimeGetVersion;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreateWithFlags;
import static org.bytedeco.cuda.global.cudart.cudaStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cudaStreamNonBlocking;

import io.github.commgate.machine.MachineFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudart.cudaDeviceProp;
import org.bytedeco.javacpp.Pointer;

/** The GPU of one rank (device = local rank) and the stream every communicator of the rank uses. */
final class CudaDevice implements AutoCloseable {

    private final CudaCalls calls;
    private final int ordinal;
    private final CUstream_st stream = new CUstream_st();
    private final Map<String, String> description = new LinkedHashMap<>();

    CudaDevice(int rank, int localRank) throws CudaException {
        this.calls = new CudaCalls(rank);
        // -Dcommgate.device=N (through jvmArgs) puts every rank on GPU N: a way to check our
        // kernels with several ranks on one GPU. Time-sliced ranks make its timings meaningless.
        this.ordinal = Integer.getInteger("commgate.device", localRank);
        int[] count = new int[1];
        calls.cuda(cudaGetDeviceCount(count), "cudaGetDeviceCount");
        if (ordinal >= count[0]) {
            throw new CudaException(String.format("rank %d needs GPU %d, but only %d are visible (CUDA_VISIBLE_DEVICES=%s)",
                    rank, ordinal, count[0], System.getenv("CUDA_VISIBLE_DEVICES")));
        }
        calls.cuda(cudaSetDevice(ordinal), "cudaSetDevice(" + ordinal + ")");
        // A runtime call makes the primary context current on this thread before anything else.
        calls.cuda(cudaFree(new Pointer()), "cudaFree(null)");
        calls.cuda(cudaStreamCreateWithFlags(stream, cudaStreamNonBlocking), "cudaStreamCreateWithFlags");
        describe(count[0]);
    }

    private void describe(int visible) throws CudaException {
        cudaDeviceProp properties = new cudaDeviceProp();
        calls.cuda(cudaGetDeviceProperties(properties, ordinal), "cudaGetDeviceProperties");
        int[] driver = new int[1];
        int[] runtime = new int[1];
        calls.cuda(cudaDriverGetVersion(driver), "cudaDriverGetVersion");
        calls.cuda(cudaRuntimeGetVersion(runtime), "cudaRuntimeGetVersion");
        description.put(MachineFacts.GPU_MODEL, properties.name().getString().trim());
        description.put(MachineFacts.GPU_COUNT, Integer.toString(visible));
        description.put(MachineFacts.COMPUTE_CAPABILITY, properties.major() + "." + properties.minor());
        description.put(MachineFacts.CUDA_DRIVER, version(driver[0]));
        description.put(MachineFacts.CUDA_RUNTIME, version(runtime[0]));
        properties.close();
    }

    /** CUDA encodes 13.0 as 13000. */
    static String version(int encoded) {
        return (encoded / 1000) + "." + (encoded % 1000) / 10;
    }

    int ordinal() {
        return ordinal;
    }

    CudaCalls calls() {
        return calls;
    }

    CUstream_st stream() {
        return stream;
    }

    int computeCapabilityMajor() {
        return Integer.parseInt(description.get(MachineFacts.COMPUTE_CAPABILITY).split("\\.")[0]);
    }

    Map<String, String> description() {
        return description;
    }

    @Override
    public void close() {
        cudaStreamDestroy(stream);
    }
}

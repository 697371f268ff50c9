package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaEventCreate;
import static org.bytedeco.cuda.global.cudart.cudaEventDestroy;
import static org.bytedeco.cuda.global.cudart.cudaEventElapsedTime;
import static org.bytedeco.cuda.global.cudart.cudaEventRecord;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import io.github.commgate.machine.MachineFacts;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.javacpp.Pointer;

/**
 * At one rank, the peak a point's bandwidth is read against: the GPU's device-to-device copy
 * bandwidth, measured in the same run. An all-reduce of one rank is such a copy (its bus
 * bandwidth is 0 by nccl-tests' formula), so its algorithm bandwidth over this says how close
 * to the memory's speed it comes. Counted as nccl-tests counts an all-reduce's bytes: bytes
 * copied per second, not bytes read plus written.
 */
final class CopyBandwidth {

    /** Large enough to stream from memory rather than from the 50-60 MB L2 of an H100 or H200. */
    static final long BYTES = 256L << 20;
    private static final int COPIES = 10;

    private CopyBandwidth() {
    }

    /** Puts {@link MachineFacts#PEAK_BUS_BANDWIDTH_GBPS} and its source into {@code facts}. */
    static void measure(CudaDevice device, Map<String, String> facts) throws CudaException {
        CudaCalls calls = device.calls();
        Pointer from = new Pointer();
        Pointer to = new Pointer();
        CUevent_st start = new CUevent_st();
        CUevent_st end = new CUevent_st();
        try {
            calls.cuda(cudaMalloc(from, BYTES), "cudaMalloc(copy source)");
            calls.cuda(cudaMalloc(to, BYTES), "cudaMalloc(copy target)");
            calls.cuda(cudaEventCreate(start), "cudaEventCreate");
            calls.cuda(cudaEventCreate(end), "cudaEventCreate");
            copy(device, from, to);
            calls.cuda(cudaEventRecord(start, device.stream()), "cudaEventRecord");
            for (int i = 0; i < COPIES; i++) {
                copy(device, from, to);
            }
            calls.cuda(cudaEventRecord(end, device.stream()), "cudaEventRecord");
            calls.cuda(cudaStreamSynchronize(device.stream()), "cudaStreamSynchronize");
            float[] millis = new float[1];
            calls.cuda(cudaEventElapsedTime(millis, start, end), "cudaEventElapsedTime");
            double gbps = (double) BYTES * COPIES / (millis[0] / 1e3) / 1e9;
            facts.put(MachineFacts.PEAK_BUS_BANDWIDTH_GBPS, String.format(Locale.ROOT, "%.1f", gbps));
            facts.put(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE, "a device-to-device copy of 256 MiB, measured in this run");
        } finally {
            cudaEventDestroy(start);
            cudaEventDestroy(end);
            cudaFree(from);
            cudaFree(to);
        }
    }

    private static void copy(CudaDevice device, Pointer from, Pointer to) throws CudaException {
        device.calls().cuda(cudaMemcpyAsync(to, from, BYTES, cudaMemcpyDeviceToDevice, device.stream()), "cudaMemcpyAsync");
    }
}

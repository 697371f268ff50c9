package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaDeviceGetPCIBusId;
import static org.bytedeco.cuda.global.nvml.NVML_CLOCK_MEM;
import static org.bytedeco.cuda.global.nvml.NVML_CLOCK_SM;
import static org.bytedeco.cuda.global.nvml.NVML_SUCCESS;
import static org.bytedeco.cuda.global.nvml.NVML_TEMPERATURE_GPU;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetApplicationsClock;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetClockInfo;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetComputeRunningProcesses_v3;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetCurrentClocksEventReasons;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetHandleByPciBusId_v2;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetPowerUsage;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetTemperature;
import static org.bytedeco.cuda.global.nvml.nvmlErrorString;
import static org.bytedeco.cuda.global.nvml.nvmlInit_v2;

import io.github.commgate.comm.RankContext;
import io.github.commgate.machine.GpuState;
import io.github.commgate.machine.MachineFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.cuda.nvml.nvmlDevice_st;
import org.bytedeco.cuda.nvml.nvmlProcessInfo_v2_t;
import org.bytedeco.javacpp.BytePointer;

/**
 * Reads this rank's GPU state through NVML (shipped with the driver, reached through the CUDA
 * presets): clocks, temperature, power, why the clocks are held down, and how many processes
 * that are not this run's share the GPU. It only reads; nothing here changes a GPU setting. The
 * GPU is found by its PCI bus id, since NVML numbers GPUs without regard to CUDA_VISIBLE_DEVICES.
 * Where NVML cannot answer, the facts say why instead of failing the run.
 */
final class GpuStateReader {

    /** More processes than any GPU runs at once in our use; NVML says when a list is longer. */
    private static final int MAX_PROCESSES = 64;

    private static boolean initialised;

    private GpuStateReader() {
    }

    /** A collective: every rank reads its GPU and learns how many ranks share it. */
    static Map<String, String> read(CudaDevice device, RankContext context) throws IOException {
        String busId = busId(device);
        List<byte[]> all = context.rendezvous().allGather(busId.getBytes(StandardCharsets.UTF_8));
        long ranksHere = all.stream().filter(b -> new String(b, StandardCharsets.UTF_8).equals(busId)).count();
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            nvmlDevice_st gpu = handle(busId);
            int[] value = new int[1];
            check(nvmlDeviceGetClockInfo(gpu, NVML_CLOCK_SM, value), "nvmlDeviceGetClockInfo(SM)");
            facts.put(MachineFacts.GPU_SM_CLOCK_MHZ, Integer.toString(value[0]));
            check(nvmlDeviceGetApplicationsClock(gpu, NVML_CLOCK_SM, value), "nvmlDeviceGetApplicationsClock(SM)");
            facts.put(MachineFacts.GPU_SM_CLOCK_TARGET_MHZ, Integer.toString(value[0]));
            check(nvmlDeviceGetClockInfo(gpu, NVML_CLOCK_MEM, value), "nvmlDeviceGetClockInfo(MEM)");
            facts.put(MachineFacts.GPU_MEMORY_CLOCK_MHZ, Integer.toString(value[0]));
            check(nvmlDeviceGetTemperature(gpu, NVML_TEMPERATURE_GPU, value), "nvmlDeviceGetTemperature");
            facts.put(MachineFacts.GPU_TEMPERATURE_C, Integer.toString(value[0]));
            check(nvmlDeviceGetPowerUsage(gpu, value), "nvmlDeviceGetPowerUsage");
            facts.put(MachineFacts.GPU_POWER_W, Long.toString(Math.round(value[0] / 1000.0)));
            long[] reasons = new long[1];
            check(nvmlDeviceGetCurrentClocksEventReasons(gpu, reasons), "nvmlDeviceGetCurrentClocksEventReasons");
            facts.put(MachineFacts.GPU_CLOCK_EVENTS, GpuState.clockEvents(reasons[0]));
            facts.put(MachineFacts.GPU_FOREIGN_PROCESSES, Long.toString(Math.max(0, processes(gpu) - ranksHere)));
            if (context.worldSize() > 1) {
                NvLinkPeak.read(gpu, facts);
            } else {
                CopyBandwidth.measure(device, facts);
            }
        } catch (CudaException e) {
            facts.clear();
            facts.put(MachineFacts.GPU_STATE_UNREAD, "unread: " + e.getMessage());
        }
        return facts;
    }

    private static String busId(CudaDevice device) throws CudaException {
        try (BytePointer text = new BytePointer(64)) {
            device.calls().cuda(cudaDeviceGetPCIBusId(text, 64, device.ordinal()), "cudaDeviceGetPCIBusId");
            return text.getString().trim();
        }
    }

    private static synchronized nvmlDevice_st handle(String busId) throws CudaException {
        if (!initialised) {
            check(nvmlInit_v2(), "nvmlInit_v2");
            initialised = true;
        }
        nvmlDevice_st gpu = new nvmlDevice_st();
        try (BytePointer id = new BytePointer(busId)) {
            check(nvmlDeviceGetHandleByPciBusId_v2(id, gpu), "nvmlDeviceGetHandleByPciBusId_v2(" + busId + ")");
        }
        return gpu;
    }

    private static int processes(nvmlDevice_st gpu) throws CudaException {
        int[] count = {MAX_PROCESSES};
        try (nvmlProcessInfo_v2_t infos = new nvmlProcessInfo_v2_t(MAX_PROCESSES)) {
            check(nvmlDeviceGetComputeRunningProcesses_v3(gpu, count, infos), "nvmlDeviceGetComputeRunningProcesses_v3");
        }
        return count[0];
    }

    private static void check(int status, String call) throws CudaException {
        if (status != NVML_SUCCESS) {
            throw new CudaException(call + ": " + nvmlErrorString(status).getString());
        }
    }
}

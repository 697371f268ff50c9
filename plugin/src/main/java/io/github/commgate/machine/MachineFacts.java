package io.github.commgate.machine;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The names of the facts a run records about its machine, in one place: the Maven JVM tells the
 * host's (see {@link HostEnvironment}), rank 0 adds what only a worker can find out (its GPU,
 * the libraries it loaded, how far apart the ranks' CPUs are). They travel as a map of text, so
 * results.json and baseline files keep them as they are, and these names are their keys there.
 */
public final class MachineFacts {

    public static final String HOST = "host";
    public static final String JAVA_VERSION = "java_version";
    public static final String JAVA_VENDOR = "java_vendor";
    public static final String OS = "os";
    public static final String ARCH = "arch";
    public static final String CPU_MODEL = "cpu_model";
    /** Logical CPUs the Maven JVM sees. */
    public static final String CPU_COUNT = "cpu_count";
    /** The NVIDIA kernel driver's version, from /proc, where one is installed. */
    public static final String DRIVER = "driver";
    public static final String GPU_MODEL = "gpu_model";
    /** GPUs visible to a worker. */
    public static final String GPU_COUNT = "gpu_count";
    public static final String COMPUTE_CAPABILITY = "compute_capability";
    public static final String CUDA_DRIVER = "cuda_driver";
    public static final String CUDA_RUNTIME = "cuda_runtime";
    public static final String NCCL_VERSION = "nccl_version";
    /**
     * Nanoseconds per shared-memory barrier between the cpu backend's ranks: how far apart the
     * host put their CPUs (the gate reads it to tell a moved vCPU from a regression).
     */
    public static final String SHM_BARRIER_NS = "shm_barrier_ns";
    /**
     * The bus bandwidth the ranks' links could carry at best, in GB/s (10^9 bytes), against
     * which reports show each point's bus bandwidth as "% of peak": on several GPUs the NVLink
     * bandwidth per GPU (read from NVML), on one GPU the device-to-device copy bandwidth measured
     * in the same run. Absent where nothing tells it; the reports then leave the column out.
     */
    public static final String PEAK_BUS_BANDWIDTH_GBPS = "peak_bus_bandwidth_gbps";
    /** Where {@link #PEAK_BUS_BANDWIDTH_GBPS} came from, in a few words ("NVML: 18 NVLinks x 26.6 GB/s"). */
    public static final String PEAK_BUS_BANDWIDTH_SOURCE = "peak_bus_bandwidth_source";

    private MachineFacts() {
    }

    /** A fact read as a number, empty where it is absent or not a number. */
    public static OptionalDouble number(Map<String, String> facts, String name) {
        String text = facts.get(name);
        try {
            return text == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}

package io.github.commgate.machine;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

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
    /** How many nodes the ranks ran on, as they told one another (comm.NodeLayout); part of the environment key. */
    public static final String NODE_COUNT = "node_count";
    /** Ranks on each node: "4" where every node ran as many, else each node's count in order ("3,1"). */
    public static final String RANKS_PER_NODE = "ranks_per_node";
    /** What started the workers: local, mpirun or srun (plan.Launcher). */
    public static final String LAUNCHER = "launcher";
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
     * bandwidth per GPU (read from NVML); at one rank, where a bus bandwidth is 0 by definition,
     * the device-to-device copy bandwidth measured in the same run, against which the reports read
     * each point's algorithm bandwidth. Absent where nothing tells it; the reports then leave the
     * column out.
     */
    public static final String PEAK_BUS_BANDWIDTH_GBPS = "peak_bus_bandwidth_gbps";
    /** Where {@link #PEAK_BUS_BANDWIDTH_GBPS} came from, in a few words ("NVML: 18 NVLinks x 26.6 GB/s"). */
    public static final String PEAK_BUS_BANDWIDTH_SOURCE = "peak_bus_bandwidth_source";
    /** The GPU's state while the run measured (NVML; see {@link GpuState}): the worst seen at its start and end. */
    /** The SM clock of the moment it was read (after the last point): shown, not judged, since an idle GPU clocks down at once. */
    public static final String GPU_SM_CLOCK_MHZ = "gpu_sm_clock_mhz";
    /** The SM clock the GPU runs work at (its applications clock): lower when someone set it lower. */
    public static final String GPU_SM_CLOCK_TARGET_MHZ = "gpu_sm_clock_target_mhz";
    public static final String GPU_MEMORY_CLOCK_MHZ = "gpu_memory_clock_mhz";
    public static final String GPU_TEMPERATURE_C = "gpu_temperature_c";
    public static final String GPU_POWER_W = "gpu_power_w";
    /** Why the GPU held its clocks down, as NVML names the reasons, comma-separated; "none" when nothing did. */
    public static final String GPU_CLOCK_EVENTS = "gpu_clock_events";
    /** Processes on the GPU that are not ranks of this run. */
    public static final String GPU_FOREIGN_PROCESSES = "gpu_foreign_processes";
    /** Why NVML could not be read, where it could not. */
    public static final String GPU_STATE_UNREAD = "gpu_state";

    /**
     * The machine's state as measured in a run: it differs a little in every run, so it is judged
     * by its own rules (gate.MachineState), never reported as "the environment changed".
     */
    public static final Set<String> MEASURED_STATE = Set.of(SHM_BARRIER_NS, GPU_SM_CLOCK_MHZ, GPU_SM_CLOCK_TARGET_MHZ, GPU_MEMORY_CLOCK_MHZ,
            GPU_TEMPERATURE_C, GPU_POWER_W, GPU_CLOCK_EVENTS, GPU_FOREIGN_PROCESSES, GPU_STATE_UNREAD);

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

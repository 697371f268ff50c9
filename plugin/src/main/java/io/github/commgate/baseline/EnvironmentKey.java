package io.github.commgate.baseline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.comm.Backend;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.PlanJson;
import io.github.commgate.result.RunResult;
import java.util.Locale;
import java.util.Map;

/**
 * What makes two runs comparable: the same backend on the same device model and count, the same
 * placement of ranks on nodes, the same all-reduce shape, and the same view of the cache: a run
 * whose buffers rotate through a larger buffer (cache-cold, as nccl-tests measures) is never
 * compared with one that reuses its buffer (warm, as vLLM's benchmark measures). Versions (driver,
 * CUDA runtime, NCCL, JVM) are deliberately not part of the key: an upgrade of one of them is
 * exactly the change a user wants the gate to judge, so they are recorded beside the key and
 * reported when they differ, never a reason to refuse.
 *
 * @param device       the GPU model for the cuda backend, the CPU model otherwise
 * @param deviceCount  GPUs (cuda) or logical CPUs (cpu) a node offers; 0 when unknown
 * @param nodes        nodes the ranks ran on: 16 ranks on 2 nodes over a network are not 16 on one
 * @param ranksPerNode the most ranks one node ran
 * @param rotatingBufferBytes the protocol's rotating buffer, 0 for the warm view
 */
public record EnvironmentKey(String backend, String device, int deviceCount, int worldSize,
                             String dtype, int hiddenSize, int nodes, int ranksPerNode, long rotatingBufferBytes) {

    /** The warm view with every rank on one node, as every run before engines and every run of the local launcher. */
    public EnvironmentKey(String backend, String device, int deviceCount, int worldSize, String dtype, int hiddenSize) {
        this(backend, device, deviceCount, worldSize, dtype, hiddenSize, 1, worldSize, 0);
    }

    /** Keeps file names well under the 255-byte limit of common file systems, with room for a prefix. */
    static final int MAX_DEVICE_SLUG = 60;

    public static EnvironmentKey of(RunResult run) {
        BenchmarkPlan plan = run.plan();
        boolean gpu = plan.backend() == Backend.CUDA;
        Map<String, String> environment = run.environment();
        String device = environment.getOrDefault(gpu ? MachineFacts.GPU_MODEL : MachineFacts.CPU_MODEL, "unknown");
        int count = parseCount(environment.get(gpu ? MachineFacts.GPU_COUNT : MachineFacts.CPU_COUNT));
        int nodes = Math.max(1, parseCount(environment.get(MachineFacts.NODE_COUNT)));
        return new EnvironmentKey(plan.backend().label(), device.trim(), count, plan.worldSize(),
                plan.dtype().label(), plan.hiddenSize(), nodes, ranksPerNode(environment, plan.worldSize()),
                plan.protocol().rotatingBufferBytes());
    }

    /** The most ranks of a node, from "4" or "3,1"; the world size where the ranks did not tell (a run that failed early). */
    private static int ranksPerNode(Map<String, String> environment, int worldSize) {
        String text = environment.get(MachineFacts.RANKS_PER_NODE);
        if (text == null) {
            return worldSize;
        }
        int most = 0;
        for (String count : text.split(",")) {
            most = Math.max(most, parseCount(count));
        }
        return most == 0 ? worldSize : most;
    }

    /** Adds the key's fields to {@code node}, as baselines and results.json both hold them. */
    public void writeTo(ObjectNode node) {
        node.put("backend", backend);
        node.put("device", device);
        node.put("device_count", deviceCount);
        node.put("world_size", worldSize);
        node.put("dtype", dtype);
        node.put("hidden_size", hiddenSize);
        node.put("nodes", nodes);
        node.put("ranks_per_node", ranksPerNode);
        node.put(PlanJson.ROTATING_BUFFER_SIZE, rotatingBufferBytes);
    }

    /**
     * "cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192.json", with "-n2x8" after the devices on
     * several nodes (so one-node names stay as they were): lowercase, [a-z0-9-] only, bounded; a
     * cache-cold key ends in "-rotating" and its buffer's bytes, so its baseline is a file of its own.
     */
    public String fileName() {
        String devices = deviceCount + deviceUnit().toLowerCase(Locale.ROOT) + (nodes > 1 ? "-n" + nodes + "x" + ranksPerNode : "");
        String rotating = rotatingBufferBytes > 0 ? "-rotating" + rotatingBufferBytes : "";
        return String.join("-", slug(backend), deviceSlug(), devices, "ws" + worldSize, slug(dtype), "h" + hiddenSize)
                + rotating + ".json";
    }

    /** "cpu backend on 2 CPUs (Intel Xeon ...), world size 2, bf16, hidden size 8192"; with "on 2 nodes of 8 ranks" after the world size on several. */
    public String describe() {
        return String.format(Locale.ROOT, "%s backend on %s %s (%s), world size %d%s, %s, hidden size %d%s",
                backend, deviceCount == 0 ? "an unknown number of" : Integer.toString(deviceCount),
                deviceUnit(), device, worldSize, nodes > 1 ? " on " + nodes + " nodes of at most " + ranksPerNode + " ranks" : "",
                dtype, hiddenSize,
                rotatingBufferBytes > 0 ? ", buffers rotating through " + rotatingBufferBytes + " bytes (cache-cold)" : "");
    }

    private String deviceUnit() {
        return Backend.CUDA.label().equals(backend) ? "GPUs" : "CPUs";
    }

    /**
     * Trademark marks and the clock suffix of /proc/cpuinfo ("Intel(R) Xeon(R) Platinum 8481C CPU
     * @ 2.70GHz") only make the name long; the model number already identifies the part.
     */
    private String deviceSlug() {
        String name = device.replaceAll("(?i)\\((r|tm|c)\\)", " ");
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        name = name.replaceAll("(?i)\\s+cpu\\s*$", "");
        String slug = slug(name);
        if (slug.length() > MAX_DEVICE_SLUG) {
            slug = slug.substring(0, MAX_DEVICE_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "unknown" : slug;
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static int parseCount(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

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
 * What makes two runs comparable: the same backend on the same device model and count, the
 * same all-reduce shape, and the same view of the cache: a run whose buffers rotate through a
 * larger buffer (cache-cold, as nccl-tests measures) is never compared with one that reuses its
 * buffer (warm, as vLLM's benchmark measures). Versions (driver, CUDA runtime, NCCL, JVM) are
 * deliberately not part of the key: an upgrade of one of them is exactly the change a user
 * wants the gate to judge, so they are recorded beside the key and reported when they differ,
 * never a reason to refuse.
 *
 * @param device      the GPU model for the cuda backend, the CPU model otherwise
 * @param deviceCount GPUs (cuda) or logical CPUs (cpu) the machine offers; 0 when unknown
 * @param rotatingBufferBytes the protocol's rotating buffer, 0 for the warm view
 */
public record EnvironmentKey(String backend, String device, int deviceCount, int worldSize,
                             String dtype, int hiddenSize, long rotatingBufferBytes) {

    /** The warm view: one buffer per point. */
    public EnvironmentKey(String backend, String device, int deviceCount, int worldSize, String dtype, int hiddenSize) {
        this(backend, device, deviceCount, worldSize, dtype, hiddenSize, 0);
    }

    /** Keeps file names well under the 255-byte limit of common file systems, with room for a prefix. */
    static final int MAX_DEVICE_SLUG = 60;

    public static EnvironmentKey of(RunResult run) {
        BenchmarkPlan plan = run.plan();
        boolean gpu = plan.backend() == Backend.CUDA;
        Map<String, String> environment = run.environment();
        String device = environment.getOrDefault(gpu ? MachineFacts.GPU_MODEL : MachineFacts.CPU_MODEL, "unknown");
        int count = parseCount(environment.get(gpu ? MachineFacts.GPU_COUNT : MachineFacts.CPU_COUNT));
        return new EnvironmentKey(plan.backend().label(), device.trim(), count, plan.worldSize(),
                plan.dtype().label(), plan.hiddenSize(), plan.protocol().rotatingBufferBytes());
    }

    /** Adds the key's fields to {@code node}, as baselines and results.json both hold them. */
    public void writeTo(ObjectNode node) {
        node.put("backend", backend);
        node.put("device", device);
        node.put("device_count", deviceCount);
        node.put("world_size", worldSize);
        node.put("dtype", dtype);
        node.put("hidden_size", hiddenSize);
        node.put(PlanJson.ROTATING_BUFFER_SIZE, rotatingBufferBytes);
    }

    /**
     * "cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192.json": lowercase, [a-z0-9-] only, bounded;
     * a cache-cold key ends in "-rotating" and its buffer's bytes, so its baseline is a file of its own.
     */
    public String fileName() {
        String rotating = rotatingBufferBytes > 0 ? "-rotating" + rotatingBufferBytes : "";
        return String.join("-", slug(backend), deviceSlug(), deviceCount + deviceUnit().toLowerCase(Locale.ROOT),
                "ws" + worldSize, slug(dtype), "h" + hiddenSize) + rotating + ".json";
    }

    /** "cpu backend on 2 CPUs (Intel Xeon ...), world size 2, bf16, hidden size 8192". */
    public String describe() {
        return String.format(Locale.ROOT, "%s backend on %s %s (%s), world size %d, %s, hidden size %d%s",
                backend, deviceCount == 0 ? "an unknown number of" : Integer.toString(deviceCount),
                deviceUnit(), device, worldSize, dtype, hiddenSize,
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

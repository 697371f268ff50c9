package io.github.commgate.baseline;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.measured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.gate.Runs;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentKeyTest {

    @Test
    void aCpuRunIsKeyedByCpuModelAndCountAndTheTensorShape() {
        EnvironmentKey key = EnvironmentKey.of(Runs.run(List.of(measured("shm-oneshot", 128, around(5)))));
        assertEquals(new EnvironmentKey("cpu", "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz", 2, 2, "bf16", 8192), key);
        assertEquals("cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192.json", key.fileName());
        assertEquals("cpu backend on 2 CPUs (Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz), world size 2, bf16,"
                + " hidden size 8192", key.describe());
        assertEquals(Path.of("src/commgate/cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192.json"),
                BaselineFile.forEnvironment(Path.of("src/commgate"), key));
    }

    @Test
    void aCudaRunIsKeyedByGpuModelAndGpuCountNotByTheCpu() {
        Map<String, String> environment = eightH100s();
        environment.put("nccl_version", "2.27.3");
        EnvironmentKey key = cudaKey(environment, 8, DType.FP16);
        assertEquals("cuda-nvidia-h100-80gb-hbm3-8gpus-ws8-fp16-h8192.json", key.fileName());
        assertEquals("cuda backend on 8 GPUs (NVIDIA H100 80GB HBM3), world size 8, fp16, hidden size 8192", key.describe());
    }

    @Test
    void aCacheColdRunHasAKeyAndABaselineFileOfItsOwn() {
        BenchmarkPlan cold = BenchmarkPlan.builder().communicators("shm-oneshot").sequenceLengths(128)
                .protocol(new MeasuringProtocol(5, 50, 10, 256L << 20)).build();
        EnvironmentKey key = EnvironmentKey.of(new RunResult(cold, Runs.environment(), Instant.EPOCH, 0, 0, List.of()));
        EnvironmentKey warm = EnvironmentKey.of(Runs.run(List.of(measured("shm-oneshot", 128, around(5)))));
        assertNotEquals(warm, key);
        assertEquals(268435456, key.rotatingBufferBytes());
        assertEquals("cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192-rotating268435456.json", key.fileName());
        assertTrue(key.describe().endsWith(", buffers rotating through 268435456 bytes (cache-cold)"), key.describe());
    }

    @Test
    void fileNamesStayShortAndPlainWhateverTheDeviceIsCalled() {
        String weird = "Ünïcode/..\\GPU ".repeat(20) + "(TM)";
        String name = new EnvironmentKey("cuda", weird, 4, 4, "bf16", 4096).fileName();
        assertTrue(name.matches("[a-z0-9-]+\\.json"), name);
        assertTrue(name.length() <= 100, name);
        assertEquals("cpu-unknown-0cpus-ws2-bf16-h8192.json", new EnvironmentKey("cpu", "(R)", 0, 2, "bf16", 8192).fileName());
    }

    @Test
    void aMissingOrUnreadableCountBecomesZeroAndIsDescribedAsUnknown() {
        Map<String, String> environment = new HashMap<>(Runs.environment());
        environment.put("cpu_count", "lots");
        EnvironmentKey key = EnvironmentKey.of(Runs.run(environment, List.of()));
        assertEquals(0, key.deviceCount());
        assertTrue(key.describe().startsWith("cpu backend on an unknown number of CPUs"));
    }

    @Test
    void ranksOnSeveralNodesAreAnotherEnvironmentNamedByTheirPlacement() {
        Map<String, String> environment = eightH100s();
        environment.put("node_count", "2");
        environment.put("ranks_per_node", "8");
        EnvironmentKey key = cudaKey(environment, 16, DType.BF16);
        assertEquals(new EnvironmentKey("cuda", "NVIDIA H100 80GB HBM3", 8, 16, "bf16", 8192, 2, 8, 0), key);
        assertEquals("cuda-nvidia-h100-80gb-hbm3-8gpus-n2x8-ws16-bf16-h8192.json", key.fileName());
        assertEquals("cuda backend on 8 GPUs (NVIDIA H100 80GB HBM3), world size 16 on 2 nodes of at most 8 ranks, bf16,"
                + " hidden size 8192", key.describe());
        environment.put("node_count", "1");
        environment.put("ranks_per_node", "16");
        EnvironmentKey oneNode = cudaKey(environment, 16, DType.BF16);
        assertEquals("cuda-nvidia-h100-80gb-hbm3-8gpus-ws16-bf16-h8192.json", oneNode.fileName());
        assertTrue(!oneNode.equals(key));
    }

    @Test
    void aRunThatDidNotTellItsPlacementRanOnOneNode() {
        EnvironmentKey key = EnvironmentKey.of(Runs.run(List.of(measured("shm-oneshot", 128, around(5)))));
        assertEquals(List.of(1, 2), List.of(key.nodes(), key.ranksPerNode()));
    }

    /** A cpu run's environment with 8 H100s added, as a GPU node reports itself. */
    private static Map<String, String> eightH100s() {
        Map<String, String> environment = new HashMap<>(Runs.environment());
        environment.put("gpu_model", "NVIDIA H100 80GB HBM3");
        environment.put("gpu_count", "8");
        return environment;
    }

    /** The key of a cuda run of nccl at 128 x 8192 on {@code worldSize} ranks in {@code environment}. */
    private static EnvironmentKey cudaKey(Map<String, String> environment, int worldSize, DType dtype) {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(worldSize).communicators("nccl")
                .sequenceLengths(128).hiddenSize(8192).dtype(dtype).protocol(5, 50, 10).build();
        return EnvironmentKey.of(new RunResult(plan, environment, Instant.EPOCH, 0, 0, List.of()));
    }
}

package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.launch.ProgressListener;
import io.github.commgate.launch.WorkerLauncher;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every communicator the cuda registry declares opens in a real worker on one GPU and reports
 * the name it is declared under (multicast stays off: symm-multimem opens and skips), and the
 * rank reads its GPU's state through NVML.
 */
@Tag("gpu")
class CudaRegistryOnOneGpuTest {

    @TempDir
    Path directory;

    @Test
    void everyDeclaredCommunicatorOpensAndReportsItsDeclaredName() throws Exception {
        List<String> declared = CudaCommunicators.REGISTRY.names();
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(1).communicators(declared)
                .sequenceLengths(1).protocol(1, 2, 2).build();
        WorkerLauncher.Outcome outcome = new WorkerLauncher(settings(), new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                System.out.printf("%s: %s %s%n", point.communicator(), point.status(), point.skipReason());
            }
        }).run(plan);
        assertEquals(declared, outcome.points().stream().map(PointResult::communicator).toList());
        // The GPU state guard's readings, through NVML on the real device.
        Map<String, String> facts = outcome.rankEnvironment();
        System.out.println("GPU state: " + facts);
        assertTrue(MachineFacts.number(facts, MachineFacts.GPU_SM_CLOCK_MHZ).orElse(0) > 0, facts.toString());
        assertTrue(MachineFacts.number(facts, MachineFacts.GPU_TEMPERATURE_C).orElse(0) > 0, facts.toString());
        assertTrue(facts.get(MachineFacts.GPU_CLOCK_EVENTS).matches("none|[a-z_,]+"), facts.toString());
        assertTrue(MachineFacts.number(facts, MachineFacts.GPU_FOREIGN_PROCESSES).isPresent(), facts.toString());
        System.out.println("copy peak: " + facts.get(MachineFacts.PEAK_BUS_BANDWIDTH_GBPS) + " GB/s");
        assertTrue(MachineFacts.number(facts, MachineFacts.PEAK_BUS_BANDWIDTH_GBPS).orElse(0) > 100, "one rank reads its"
                + " points against a device-to-device copy: " + facts);
        assertEquals("a device-to-device copy of 256 MiB, measured in this run", facts.get(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE));
    }

    /** Two ranks on one GPU (correctness only, never timing): the NVLink peak where NVML reports links. */
    @Test
    void atTwoRanksTheRunCarriesTheNvLinkPeakWhereTheGpuHasNvLinks() throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(2).communicators(List.of("custom-oneshot"))
                .sequenceLengths(1).protocol(1, 2, 2).build();
        Map<String, String> facts = new WorkerLauncher(settings(List.of("-Dcommgate.device=0")), new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
                assertEquals(PointStatus.MEASURED, point.status(), point.toString());
            }
        }).run(plan).rankEnvironment();
        System.out.println("NVLink peak: " + facts.get(MachineFacts.PEAK_BUS_BANDWIDTH_GBPS) + " GB/s, "
                + facts.get(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE));
        if (facts.containsKey(MachineFacts.PEAK_BUS_BANDWIDTH_GBPS)) {
            double peak = MachineFacts.number(facts, MachineFacts.PEAK_BUS_BANDWIDTH_GBPS).orElse(0);
            assertTrue(peak > 10 && peak < 5000, "an NVLink peak in GB/s: " + facts);
            assertTrue(facts.get(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE).matches("NVML: \\d+ NVLinks x [0-9.]+ GB/s"), facts.toString());
        }
    }

    private LaunchSettings settings() {
        return settings(List.of());
    }

    /** @param jvmArgs -Dcommgate.device=0 puts every rank on GPU 0, for correctness only */
    private LaunchSettings settings(List<String> jvmArgs) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        return new LaunchSettings(Path.of(System.getProperty("java.home"), "bin", "java"), jvmArgs,
                Map.of("NCCL_NVLS_ENABLE", "0"), classpath, directory.resolve("logs"), Duration.ofSeconds(300));
    }
}

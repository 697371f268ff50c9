package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.machine.VisibleGpus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    /** The cpu backend's communicators, as its registry declares them (CommunicatorCatalogTest pins the list). */
    private static final List<String> CPU = CommunicatorCatalog.names(Backend.CPU);
    private static final VisibleGpus NO_GPU = VisibleGpus.none("0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset)");
    private static final VisibleGpus ONE_GPU = new VisibleGpus(1, Optional.of("580.1"), "1 NVIDIA GPU installed, CUDA_VISIBLE_DEVICES=(unset)");

    private static List<String> problems(RunSettings settings) {
        return problems(settings, NO_GPU);
    }

    private static List<String> problems(RunSettings settings, VisibleGpus gpus) {
        return assertThrows(InvalidSettingsException.class, () -> PlanValidator.validate(settings, gpus)).problems();
    }

    private static BenchmarkPlan benchmark(RunSettings settings) throws InvalidSettingsException {
        return PlanValidator.validate(settings).benchmark();
    }

    @Test
    void defaultsGiveTheDocumentedCpuPlan() throws Exception {
        RunPlan plan = PlanValidator.validate(new RunSettings());
        BenchmarkPlan benchmark = plan.benchmark();
        assertEquals(Backend.CPU, benchmark.backend());
        assertEquals(2, benchmark.worldSize());
        assertEquals(CPU, benchmark.communicators());
        assertEquals(List.of(16, 64, 128, 512, 2048), benchmark.sequenceLengths());
        assertEquals(DType.BF16, benchmark.dtype());
        assertEquals(new MeasuringProtocol(5, 50, 10), benchmark.protocol());
        assertEquals(8L << 20, benchmark.customMaxBytes());
        assertEquals(32L << 20, benchmark.maxBytes());
        assertEquals(5 * CPU.size(), benchmark.points().size());
        assertEquals(Duration.ofSeconds(600), plan.timeout());
        assertEquals(3, plan.recordRuns());
        assertEquals(GatePolicy.defaults(), plan.gate());
    }

    @Test
    void pointsRunSizesOuterAndCommunicatorsInner() throws Exception {
        BenchmarkPlan plan = benchmark(new RunSettings().communicators("shm-oneshot,shm-twoshot").sequenceLengths("2, 1"));
        assertEquals(List.of("shm-oneshot@2", "shm-twoshot@2", "shm-oneshot@1", "shm-twoshot@1"),
                plan.points().stream().map(p -> p.communicator() + "@" + p.point().sequenceLength()).toList());
    }

    @Test
    void unknownCommunicatorListsTheValidOnes() {
        assertEquals(List.of("communicators: unknown communicator 'shm-fast'; valid for backend cpu: " + String.join(", ", CPU)),
                problems(new RunSettings().communicators("shm-oneshot,shm-fast")));
    }

    @Test
    void worldSizeOutOfRangeNamesTheRange() {
        assertEquals(List.of("worldSize: 9 is out of range; the cpu backend runs 2 to 8 ranks"),
                problems(new RunSettings().worldSize(9)));
        assertEquals(List.of("worldSize: 1 is out of range; the cpu backend runs 2 to 8 ranks"),
                problems(new RunSettings().worldSize(1)));
    }

    @Test
    void nonPositiveSizesAndCountsAreRefusedEachOnItsOwnLine() {
        assertEquals(List.of(
                        "sequenceLengths: '-3' is not a positive integer",
                        "sequenceLengths: 'abc' is not a positive integer",
                        "hiddenSize: 0 must be 1 or more",
                        "warmups: -1 must be 0 or more",
                        "trials: 0 must be 1 or more",
                        "cycles: -2 must be 1 or more"),
                problems(new RunSettings().sequenceLengths("16,-3,abc").hiddenSize(0).protocol(-1, 0, -2)));
    }

    @Test
    void everyParameterOfTheRunAndTheGateIsCheckedAndAllProblemsComeTogether() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("shm-onesht", "5");
        overrides.put("nccl", "-5");
        overrides.put("shm-twoshot", "five");
        overrides.put("custom-oneshot", "5000");
        assertEquals(List.of(
                        "dtype: unknown dtype 'int8'; valid: bf16, fp16, fp32",
                        "timeout: 0 must be 1 second or more",
                        "recordRuns: 0 must be 1 or more",
                        "threshold: -2.5 % must be 0 or more",
                        "threshold for custom-oneshot: 5000 % is more than 100 %; a limit that lets a point get over"
                                + " twice as slow catches nothing",
                        "threshold for nccl: -5 % must be 0 or more",
                        "thresholds: 'shm-onesht' names no communicator; valid: " + String.join(", ", new java.util.TreeSet<>(
                                java.util.stream.Stream.concat(CPU.stream(), CommunicatorCatalog.names(Backend.CUDA).stream()).toList())),
                        "thresholds: 'five' for shm-twoshot is not a number of percent",
                        "floor: -1 us must be 0 or more",
                        "alpha: 1.5 must be more than 0 and less than 1",
                        "confirmRuns: -1 must be 0 or more"),
                problems(new RunSettings().dtype("int8").timeoutSeconds(0).recordRuns(0).thresholds(-2.5, overrides)
                        .floor(-1.0).alpha(1.5).confirmRuns(-1)));
    }

    @Test
    void alphaOfZeroAndNotANumberAreRefused() {
        assertEquals(List.of("alpha: 0 must be more than 0 and less than 1"), problems(new RunSettings().alpha(0)));
        assertEquals(List.of("threshold: NaN % must be 0 or more"), problems(new RunSettings().thresholds(Double.NaN, null)));
    }

    @Test
    void theGateTakesTheValidatedLimitsAndChoices() throws Exception {
        GatePolicy gate = PlanValidator.validate(new RunSettings().thresholds(5.0, Map.of("shm-twoshot", " 20 "))
                .floor(0.5).alpha(0.05).confirmRuns(0).requireBaseline(true).failOnRegression(false)
                .allowEnvironmentMismatch(true)).gate();
        assertEquals(new GatePolicy(new Thresholds(5, Map.of("shm-twoshot", 20.0), 0.5, 0.05), 0, true, true, false), gate);
    }

    @Test
    void aBaselineIsRequiredByDefaultInCiAndWhereverTheUserSaysSo() throws Exception {
        assertEquals(false, PlanValidator.validate(new RunSettings()).gate().requireBaseline());
        assertEquals(true, PlanValidator.validate(new RunSettings().ci(true)).gate().requireBaseline());
        assertEquals(false, PlanValidator.validate(new RunSettings().ci(true).requireBaseline(false)).gate().requireBaseline());
        assertEquals(true, PlanValidator.validate(new RunSettings().requireBaseline(true)).gate().requireBaseline());
    }

    @Test
    void aThresholdForTheOtherBackendsCommunicatorIsAccepted() throws Exception {
        // One pom serves a laptop (cpu) and a GPU runner (cuda).
        assertEquals(3.0, PlanValidator.validate(new RunSettings().thresholds(10.0, Map.of("nccl", "3")))
                .gate().thresholds().percentFor("nccl"));
    }

    @Test
    void recordingFromAResultsFileChecksOnlyTheGate() throws Exception {
        assertEquals(GatePolicy.defaults(), PlanValidator.validateGate(new RunSettings().backend("cuda").worldSize(99)));
        assertEquals(List.of("alpha: 2 must be more than 0 and less than 1"), assertThrows(InvalidSettingsException.class,
                () -> PlanValidator.validateGate(new RunSettings().alpha(2))).problems());
    }

    @Test
    void unknownDtypeListsTheValidOnes() {
        assertEquals(List.of("dtype: unknown dtype 'int8'; valid: bf16, fp16, fp32"), problems(new RunSettings().dtype("int8")));
    }

    @Test
    void unknownBackendListsTheValidOnes() {
        assertEquals(List.of("backend: unknown backend 'tpu'; valid: auto, cpu, cuda"), problems(new RunSettings().backend("tpu")));
    }

    @Test
    void sizeThatTheAlgorithmCannotSplitSaysWhichAndWhy() {
        assertEquals(List.of(
                        "shm-oneshot: sequence length 1 x hidden size 7 in bf16 is 14 bytes, not a multiple of the 16-byte vectors the algorithm moves",
                        "shm-twoshot: sequence length 1 x hidden size 7 in bf16 is 14 bytes, not a multiple of the 16-byte vectors the algorithm moves"),
                problems(new RunSettings().communicators("shm-oneshot,shm-twoshot").sequenceLengths("1").hiddenSize(7)));
    }

    @Test
    void listsThatSelectNothingAreRefused() {
        assertEquals(List.of("communicators: ' , ' selects none; valid for backend cpu: " + String.join(", ", CPU)),
                problems(new RunSettings().communicators(" , ")));
    }

    @Test
    void autoPicksCudaWhereAGpuIsVisibleWithVllmDefaults() throws Exception {
        BenchmarkPlan plan = PlanValidator.validate(new RunSettings(), ONE_GPU).benchmark();
        assertEquals(Backend.CUDA, plan.backend());
        assertEquals(1, plan.worldSize());
        assertEquals(List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot", "custom-push"),
                plan.communicators());
        assertEquals(List.of(16, 64, 128, 512, 1024, 2048, 4096, 8192), plan.sequenceLengths());
    }

    @Test
    void autoPicksCpuWithoutAGpu() throws Exception {
        assertEquals(Backend.CPU, PlanValidator.validate(new RunSettings(), NO_GPU).benchmark().backend());
    }

    @Test
    void explicitCudaWithoutAGpuSaysWhatWasSeen() {
        assertEquals(List.of("backend: cuda needs an NVIDIA GPU, but none is visible here (0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset))"),
                problems(new RunSettings().backend("cuda")));
    }

    @Test
    void moreRanksThanGpusIsRefused() {
        assertEquals(List.of("worldSize: 2 needs one GPU per rank, but 1 is visible (1 NVIDIA GPU installed, CUDA_VISIBLE_DEVICES=(unset))"),
                problems(new RunSettings().worldSize(2), ONE_GPU));
    }

    @Test
    void ncclSplitsAnySizeWhileOurAlgorithmsNeedWholeVectors() throws Exception {
        RunSettings odd = new RunSettings().sequenceLengths("7").hiddenSize(3).dtype("fp32");
        assertEquals(List.of(7), PlanValidator.validate(odd.communicators("nccl,nccl-symm"), ONE_GPU).benchmark().sequenceLengths());
        assertEquals(List.of("custom-oneshot: sequence length 7 x hidden size 3 in fp32 is 84 bytes, not a multiple of the 16-byte vectors the algorithm moves"),
                problems(odd.communicators("nccl,custom-oneshot"), ONE_GPU));
    }

    @Test
    void multicastRunsOnlyWhenSelectedByName() throws Exception {
        assertEquals(List.of("symm-multimem"),
                PlanValidator.validate(new RunSettings().communicators("symm-multimem"), ONE_GPU).benchmark().communicators());
    }

    @Test
    void customMaxSizeBelowOneVectorIsRefused() {
        assertEquals(List.of("customAllReduceMaxSize: 8 must be at least 16 bytes"), problems(new RunSettings().customMaxBytes(8)));
    }

    @Test
    void aRotatingBufferIsOffByDefaultAndOtherwiseHoldsTheLargestPoint() throws Exception {
        assertEquals(0, benchmark(new RunSettings()).protocol().rotatingBufferBytes());
        assertEquals(new MeasuringProtocol(5, 50, 10, 64L << 20),
                benchmark(new RunSettings().rotatingBufferBytes(64L << 20)).protocol());
        assertEquals(List.of("rotatingBufferSize: 1048576 bytes must be 0 (one buffer per point) or at least the largest"
                + " point's 33554432 bytes"), problems(new RunSettings().rotatingBufferBytes(1L << 20)));
        assertEquals(List.of("rotatingBufferSize: -1 bytes must be 0 (one buffer per point) or at least the largest"
                + " point's 33554432 bytes"), problems(new RunSettings().rotatingBufferBytes(-1)));
    }

    @Test
    void duplicatesAreMeasuredOnce() throws Exception {
        assertEquals(List.of("shm-twoshot"), benchmark(new RunSettings().communicators("shm-twoshot,shm-twoshot")).communicators());
    }
}

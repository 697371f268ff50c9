package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.machine.VisibleGpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    private static List<String> problems(RunSettings settings) {
        return assertThrows(InvalidSettingsException.class,
                () -> PlanValidator.validate(settings, VisibleGpus.none("0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset)"))).problems();
    }

    @Test
    void defaultsGiveTheDocumentedCpuPlan() throws Exception {
        BenchmarkPlan plan = PlanValidator.validate(RunSettings.defaults());
        assertEquals(Backend.CPU, plan.backend());
        assertEquals(2, plan.worldSize());
        assertEquals(List.of("shm-oneshot", "shm-twoshot"), plan.communicators());
        assertEquals(List.of(16, 64, 128, 512, 2048), plan.sequenceLengths());
        assertEquals(DType.BF16, plan.dtype());
        assertEquals(32L << 20, plan.maxBytes());
        assertEquals(10, plan.points().size());
    }

    @Test
    void pointsRunSizesOuterAndCommunicatorsInner() throws Exception {
        BenchmarkPlan plan = PlanValidator.validate(RunSettings.defaults().withSequenceLengths("2, 1"));
        assertEquals(List.of("shm-oneshot@2", "shm-twoshot@2", "shm-oneshot@1", "shm-twoshot@1"),
                plan.points().stream().map(p -> p.communicator() + "@" + p.point().sequenceLength()).toList());
    }

    @Test
    void unknownCommunicatorListsTheValidOnes() {
        assertEquals(List.of("communicators: unknown communicator 'shm-fast'; valid for backend cpu: shm-oneshot, shm-twoshot"),
                problems(RunSettings.defaults().withCommunicators("shm-oneshot,shm-fast")));
    }

    @Test
    void worldSizeOutOfRangeNamesTheRange() {
        assertEquals(List.of("worldSize: 9 is out of range; the cpu backend runs 2 to 8 ranks"),
                problems(RunSettings.defaults().withWorldSize(9)));
        assertEquals(List.of("worldSize: 1 is out of range; the cpu backend runs 2 to 8 ranks"),
                problems(RunSettings.defaults().withWorldSize(1)));
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
                problems(RunSettings.defaults().withSequenceLengths("16,-3,abc").withHiddenSize(0).withCounts(-1, 0, -2)));
    }

    @Test
    void unknownDtypeListsTheValidOnes() {
        assertEquals(List.of("dtype: unknown dtype 'int8'; valid: bf16, fp16, fp32"),
                problems(RunSettings.defaults().withDtype("int8")));
    }

    @Test
    void unknownBackendListsTheValidOnes() {
        assertEquals(List.of("backend: unknown backend 'tpu'; valid: auto, cpu, cuda"),
                problems(RunSettings.defaults().withBackend("tpu")));
    }

    @Test
    void sizeThatTheAlgorithmCannotSplitSaysWhichAndWhy() {
        assertEquals(List.of(
                        "shm-oneshot: sequence length 1 x hidden size 7 in bf16 is 14 bytes, not a multiple of the 16-byte vectors the algorithm moves",
                        "shm-twoshot: sequence length 1 x hidden size 7 in bf16 is 14 bytes, not a multiple of the 16-byte vectors the algorithm moves"),
                problems(RunSettings.defaults().withSequenceLengths("1").withHiddenSize(7)));
    }

    @Test
    void listsThatSelectNothingAreRefused() {
        assertEquals(List.of("communicators: ' , ' selects none; valid for backend cpu: shm-oneshot, shm-twoshot"),
                problems(RunSettings.defaults().withCommunicators(" , ")));
    }

    private static final VisibleGpus ONE_GPU = new VisibleGpus(1, java.util.Optional.of("580.1"), "1 NVIDIA GPU installed, CUDA_VISIBLE_DEVICES=(unset)");

    @Test
    void autoPicksCudaWhereAGpuIsVisibleWithVllmDefaults() throws Exception {
        BenchmarkPlan plan = PlanValidator.validate(RunSettings.defaults(), ONE_GPU);
        assertEquals(Backend.CUDA, plan.backend());
        assertEquals(1, plan.worldSize());
        assertEquals(List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot"), plan.communicators());
        assertEquals(List.of(128, 512, 1024, 2048, 4096, 8192), plan.sequenceLengths());
    }

    @Test
    void autoPicksCpuWithoutAGpu() throws Exception {
        assertEquals(Backend.CPU, PlanValidator.validate(RunSettings.defaults(), VisibleGpus.none("none")).backend());
    }

    @Test
    void explicitCudaWithoutAGpuSaysWhatWasSeen() {
        assertEquals(List.of("backend: cuda needs an NVIDIA GPU, but none is visible here (0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset))"),
                problems(RunSettings.defaults().withBackend("cuda")));
    }

    @Test
    void moreRanksThanGpusIsRefused() {
        assertEquals(List.of("worldSize: 2 needs one GPU per rank, but 1 is visible (1 NVIDIA GPU installed, CUDA_VISIBLE_DEVICES=(unset))"),
                assertThrows(InvalidSettingsException.class,
                        () -> PlanValidator.validate(RunSettings.defaults().withWorldSize(2), ONE_GPU)).problems());
    }

    @Test
    void ncclSplitsAnySizeWhileOurAlgorithmsNeedWholeVectors() throws Exception {
        assertEquals(List.of(7), PlanValidator.validate(RunSettings.defaults().withSequenceLengths("7").withHiddenSize(3)
                .withDtype("fp32").withCommunicators("nccl,nccl-symm"), ONE_GPU).sequenceLengths());
        assertEquals(List.of("custom-oneshot: sequence length 7 x hidden size 3 in fp32 is 84 bytes, not a multiple of the 16-byte vectors the algorithm moves"),
                assertThrows(InvalidSettingsException.class, () -> PlanValidator.validate(RunSettings.defaults()
                        .withSequenceLengths("7").withHiddenSize(3).withDtype("fp32").withCommunicators("nccl,custom-oneshot"), ONE_GPU)).problems());
    }

    @Test
    void multicastRunsOnlyWhenSelectedByName() throws Exception {
        assertEquals(List.of("symm-multimem"),
                PlanValidator.validate(RunSettings.defaults().withCommunicators("symm-multimem"), ONE_GPU).communicators());
    }

    @Test
    void customMaxSizeBelowOneVectorIsRefused() {
        assertEquals(List.of("customAllReduceMaxSize: 8 must be at least 16 bytes"),
                problems(RunSettings.defaults().withCustomMaxBytes(8)));
    }

    @Test
    void duplicatesAreMeasuredOnce() throws Exception {
        BenchmarkPlan plan = PlanValidator.validate(RunSettings.defaults().withCommunicators("shm-twoshot,shm-twoshot"));
        assertEquals(List.of("shm-twoshot"), plan.communicators());
    }
}

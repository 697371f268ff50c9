package io.github.commgate.maven;

import io.github.commgate.machine.VisibleGpus;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.InvalidSettingsException;
import io.github.commgate.plan.OutputLocations;
import io.github.commgate.plan.PlanValidator;
import io.github.commgate.plan.RunPlan;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.report.TimingLine;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.RunTiming;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters and the measuring run shared by every goal that measures. Parameters become a
 * {@link RunSettings} here and a validated {@link RunPlan} in {@link PlanValidator}; subclasses
 * add their own parameters in {@link #configure} and decide what to do with the {@link RunResult}.
 */
abstract class AbstractMeasuringMojo extends AbstractLaunchingMojo {

    /**
     * {@code auto}, {@code cpu} or {@code cuda}. {@code auto} picks cuda when an NVIDIA GPU is
     * visible (CUDA_VISIBLE_DEVICES respected), cpu otherwise. Example: {@code -Dcommgate.backend=cpu}.
     */
    @Parameter(property = "commgate.backend", defaultValue = Defaults.BACKEND)
    private String backend;

    /**
     * Number of ranks, one worker JVM each. Default: the visible GPUs (at most 8) on cuda, 2 on cpu
     * (which runs 2 to 8). Under launcher mpirun or srun the ranks may span nodes: cuda runs up to
     * 1024, and the default needs a GPU visible here to count.
     */
    @Parameter(property = "commgate.worldSize")
    private Integer worldSize;

    /**
     * Comma-separated communicators to measure. Default: every communicator of the backend but
     * those that run only when named ({@code symm-multimem}); docs/goals.md lists them, and an
     * unknown name fails the build listing the valid ones. Example:
     * {@code -Dcommgate.communicators=nccl,custom-oneshot}.
     */
    @Parameter(property = "commgate.communicators")
    private String communicators;

    /**
     * Comma-separated sequence lengths; each point all-reduces a (sequence length, hiddenSize)
     * tensor. Default on cuda: vLLM's {@code 16,64,128,512,1024,2048,4096,8192} (256 KiB to
     * 128 MiB in bf16). Default on cpu:
     * {@code 16,64,128,512,2048} (256 KiB to 32 MiB), which a 2-core machine runs in well under a minute.
     */
    @Parameter(property = "commgate.sequenceLengths")
    private String sequenceLengths;

    /** Second dimension of the tensor, 8192 as in vLLM's benchmark. */
    @Parameter(property = "commgate.hiddenSize", defaultValue = "" + Defaults.HIDDEN_SIZE)
    private int hiddenSize;

    /** Element type: {@code bf16}, {@code fp16} or {@code fp32}. Sums accumulate in fp32. */
    @Parameter(property = "commgate.dtype", defaultValue = Defaults.DTYPE)
    private String dtype;

    /** Untimed rounds before the trials of each point. */
    @Parameter(property = "commgate.warmups", defaultValue = "" + Defaults.WARMUPS)
    private int warmups;

    /** Timed rounds per point; each gives one sample. */
    @Parameter(property = "commgate.trials", defaultValue = "" + Defaults.TRIALS)
    private int trials;

    /** All-reduces per round (per CUDA graph on GPUs); a sample is the round's time divided by this. */
    @Parameter(property = "commgate.cycles", defaultValue = "" + Defaults.CYCLES)
    private int cycles;

    /**
     * Largest all-reduce, in bytes, that our own kernels take (custom-push keeps its own, smaller
     * limit); larger points are skipped, as vLLM caps its custom all-reduce.
     * Default 8 MiB. Example: {@code -Dcommgate.customAllReduceMaxSize=33554432}.
     */
    @Parameter(property = "commgate.customAllReduceMaxSize", defaultValue = "" + Defaults.CUSTOM_MAX_BYTES)
    private long customAllReduceMaxSize;

    /**
     * Cache-cold mode, as nccl-tests measures: bytes of the send and receive buffers that the
     * all-reduces of a round rotate through, all-reduce k of a round shifted by k message sizes
     * (modulo the buffer), so messages that fit in the GPU's L2 are read cold. Default 0: every
     * all-reduce reuses one buffer (warm, as vLLM's benchmark and an all-reduce right after the
     * GEMM that produced its input). At least the largest point's bytes when set; recorded in the
     * results and in the baseline's key, so a cold run is never compared with a warm baseline. Our
     * kernels' communicators (custom-*, symm-*) keep fixed buffers and are skipped in this mode.
     * Example: {@code -Dcommgate.rotatingBufferSize=268435456}.
     */
    @Parameter(property = "commgate.rotatingBufferSize", defaultValue = "" + Defaults.ROTATING_BUFFER_BYTES)
    private long rotatingBufferSize;

    /** Adds the parameters of a subclass to the settings; call super first. */
    protected void configure(RunSettings settings) {
        settings.backend(backend).worldSize(worldSize).communicators(communicators).sequenceLengths(sequenceLengths)
                .hiddenSize(hiddenSize).dtype(dtype).protocol(warmups, trials, cycles)
                .customMaxBytes(customAllReduceMaxSize).rotatingBufferBytes(rotatingBufferSize);
        configureLaunch(settings);
    }

    /** The communicators as the user named them; empty when they named none. */
    protected final List<String> communicatorsNamed() {
        return communicators == null ? List.of() : PlanValidator.split(communicators);
    }

    /** Every parameter, validated against the GPUs this machine shows, and every place the goal will write. */
    protected final RunPlan plan() throws MojoExecutionException {
        RunSettings settings = new RunSettings();
        configure(settings);
        try {
            RunPlan plan = PlanValidator.validate(settings, VisibleGpus.detect());
            OutputLocations.check(outputs());
            return plan;
        } catch (InvalidSettingsException e) {
            throw invalid(e);
        }
    }

    /** The files the goal writes, by the parameter that places them; subclasses add theirs. */
    protected Map<String, Path> outputs() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("the workers' logs", outputDirectory().resolve("logs").resolve("rank-0.log"));
        return outputs;
    }

    protected final RunResult measure(RunPlan plan, BenchmarkPlan benchmark) throws MojoExecutionException {
        String project = project() != null ? project().getGroupId() + ":" + project().getArtifactId() : projectDirectory().toString();
        return new Measurement(getLog(), launchSettings(plan, project), startNanos()).run(benchmark);
    }

    /**
     * Logs where the goal's time went, in one line, once its reports are written: {@code run}'s
     * timing, the reports' time since {@code reportsStartNanos}, and the goal's total.
     */
    protected final void logTiming(RunResult run, long reportsStartNanos) {
        long now = System.nanoTime();
        RunTiming timing = run.timing().withHost(RunTiming.REPORTS, (now - reportsStartNanos) / 1e9)
                .withHost(RunTiming.TOTAL, (now - startNanos()) / 1e9);
        getLog().info("commgate: " + TimingLine.of(timing));
    }
}

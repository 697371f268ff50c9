package io.github.commgate.maven;

import io.github.commgate.launch.LaunchException;
import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.launch.WorkerLauncher;
import io.github.commgate.machine.HostEnvironment;
import io.github.commgate.machine.VisibleGpus;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.InvalidSettingsException;
import io.github.commgate.plan.PlanValidator;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.result.RunResult;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters and the measuring run shared by every goal that measures. Subclasses decide
 * what to do with the {@link RunResult}.
 */
abstract class AbstractMeasuringMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "commgate.skip", defaultValue = "false")
    private boolean skip;

    /**
     * {@code auto}, {@code cpu} or {@code cuda}. {@code auto} picks cuda when an NVIDIA GPU is
     * visible (CUDA_VISIBLE_DEVICES respected), cpu otherwise. Example: {@code -Dcommgate.backend=cpu}.
     */
    @Parameter(property = "commgate.backend", defaultValue = "auto")
    private String backend;

    /** Number of ranks, one worker JVM each. Default: the visible GPUs (at most 8) on cuda, 2 on cpu (which runs 2 to 8). */
    @Parameter(property = "commgate.worldSize")
    private Integer worldSize;

    /**
     * Comma-separated communicators to measure. Default: all of the backend (cpu:
     * {@code shm-oneshot,shm-twoshot}; cuda: {@code nccl,nccl-symm}).
     */
    @Parameter(property = "commgate.communicators")
    private String communicators;

    /**
     * Comma-separated sequence lengths; each point all-reduces a (sequence length, hiddenSize)
     * tensor. Default on cuda: vLLM's {@code 128,512,1024,2048,4096,8192} (2 to 128 MiB in bf16;
     * add {@code 16,64} for the sizes where custom kernels matter). Default on cpu:
     * {@code 16,64,128,512,2048} (256 KiB to 32 MiB), which a 2-core machine runs in well under a minute.
     */
    @Parameter(property = "commgate.sequenceLengths")
    private String sequenceLengths;

    /** Second dimension of the tensor, 8192 as in vLLM's benchmark. */
    @Parameter(property = "commgate.hiddenSize", defaultValue = "8192")
    private int hiddenSize;

    /** Element type: {@code bf16}, {@code fp16} or {@code fp32}. Sums accumulate in fp32. */
    @Parameter(property = "commgate.dtype", defaultValue = "bf16")
    private String dtype;

    /** Untimed rounds before the trials of each point. */
    @Parameter(property = "commgate.warmups", defaultValue = "5")
    private int warmups;

    /** Timed rounds per point; each gives one sample. */
    @Parameter(property = "commgate.trials", defaultValue = "50")
    private int trials;

    /** All-reduces per round (per CUDA graph on GPUs); a sample is the round's time divided by this. */
    @Parameter(property = "commgate.cycles", defaultValue = "10")
    private int cycles;

    /**
     * Largest all-reduce, in bytes, that our own kernels (custom-oneshot, custom-twoshot,
     * symm-twoshot) take; larger points are skipped, as vLLM caps its custom all-reduce.
     * Default 8 MiB.
     */
    @Parameter(property = "commgate.customAllReduceMaxSize", defaultValue = "8388608")
    private long customAllReduceMaxSize;

    /** Seconds the whole run may take, from forking the workers to their exit; then every worker is stopped. */
    @Parameter(property = "commgate.timeout", defaultValue = "600")
    private int timeout;

    /** Extra JVM arguments of every worker, for example {@code <jvmArgs><jvmArg>-Xmx2g</jvmArg></jvmArgs>}. */
    @Parameter(property = "commgate.jvmArgs")
    private List<String> jvmArgs;

    /** Extra environment variables of every worker, for example {@code <NCCL_DEBUG>INFO</NCCL_DEBUG>}. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** The {@code java} executable of the workers. Default: the one running Maven. */
    @Parameter(property = "commgate.javaExecutable")
    private File javaExecutable;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    protected final boolean skipped() {
        if (skip) {
            getLog().info("commgate: skipped (commgate.skip)");
        }
        return skip;
    }

    /** target/commgate in a project; ./commgate in the working directory without one. */
    protected final Path outputDirectory() {
        if (project != null && project.getFile() != null) {
            return Path.of(project.getBuild().getDirectory(), "commgate");
        }
        return Path.of("commgate").toAbsolutePath();
    }

    /** The communicators as the user wrote them; null when not set. */
    protected final String communicatorsText() {
        return communicators;
    }

    protected final Path projectDirectory() {
        return project != null && project.getBasedir() != null ? project.getBasedir().toPath().toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath();
    }

    protected final String toolVersion() {
        return plugin.getVersion();
    }

    protected final BenchmarkPlan plan() throws MojoExecutionException {
        RunSettings settings = new RunSettings(backend, worldSize, communicators, sequenceLengths,
                hiddenSize, dtype, warmups, trials, cycles, customAllReduceMaxSize);
        try {
            return PlanValidator.validate(settings, VisibleGpus.detect());
        } catch (InvalidSettingsException e) {
            throw new MojoExecutionException("commgate: " + String.join(System.lineSeparator() + "commgate: ", e.problems()));
        }
    }

    protected final RunResult measure(BenchmarkPlan plan) throws MojoExecutionException {
        if (timeout < 1) {
            throw new MojoExecutionException("commgate: timeout: " + timeout + " must be 1 second or more");
        }
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        LaunchSettings settings = new LaunchSettings(java(), jvmArgs == null ? List.of() : jvmArgs,
                environmentVariables == null ? Map.of() : environmentVariables, classpath(),
                outputDirectory().resolve("logs"), Duration.ofSeconds(timeout));
        getLog().info(String.format("commgate: %d points on %d ranks (%s backend); logs in %s",
                plan.points().size(), plan.worldSize(), plan.backend(), settings.logDirectory()));
        try {
            WorkerLauncher.Outcome outcome = new WorkerLauncher(settings, new ConsoleProgress(getLog())).run(plan);
            double total = (System.nanoTime() - start) / 1e9;
            double rendezvous = (outcome.firstPointStartedAtMillis() - startedAt.toEpochMilli()) / 1e3;
            Map<String, String> environment = new LinkedHashMap<>(HostEnvironment.describe());
            environment.putAll(outcome.rankEnvironment());
            return new RunResult(plan, environment, startedAt, rendezvous, total, outcome.points());
        } catch (LaunchException e) {
            throw new MojoExecutionException("commgate: " + e.getMessage());
        }
    }

    private Path java() {
        return javaExecutable != null ? javaExecutable.toPath() : Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The plugin's own jar and runtime dependencies: what a worker needs, and nothing of Maven's. */
    private List<Path> classpath() {
        return plugin.getArtifacts().stream().map(Artifact::getFile).filter(f -> f != null).map(File::toPath).toList();
    }
}

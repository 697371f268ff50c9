package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineException;
import io.github.commgate.baseline.BaselineFile;
import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.result.RunResult;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that work with baselines: where they live and how strict the gate is. */
abstract class AbstractGateMojo extends AbstractMeasuringMojo {

    /**
     * Directory of the baseline files, one per environment (backend, device model and count,
     * world size, dtype, hidden size), named after it; commit it with your code.
     */
    @Parameter(property = "commgate.baselineDirectory", defaultValue = "${project.basedir}/src/commgate/baselines")
    private File baselineDirectory;

    /** One baseline file to use instead of the one named after this environment. */
    @Parameter(property = "commgate.baselineFile")
    private File baselineFile;

    /**
     * Percent by which a median may exceed its baseline before the point can regress (0 to 100).
     * Default: none, and each point's limit follows its own noise, twice the spread between the
     * baseline's recording runs, 2 to 10 % (10 % for a baseline without per-run medians).
     * Example: {@code -Dcommgate.threshold=5}.
     */
    @Parameter(property = "commgate.threshold")
    private Double threshold;

    /**
     * Per-communicator thresholds in percent, overriding {@code threshold}; each key must name a
     * communicator. For example {@code &amp;lt;thresholds&amp;gt;&amp;lt;nccl&amp;gt;5&amp;lt;/nccl&amp;gt;&amp;lt;/thresholds&amp;gt;}.
     */
    @Parameter
    private Map<String, String> thresholds;

    /**
     * Microseconds a median may exceed its baseline in any case. Default: the timer's resolution
     * per all-reduce (0.5 us per CUDA graph, 0.1 us per round on cpu, divided by cycles); 1.0 for
     * a baseline without per-run medians.
     */
    @Parameter(property = "commgate.floor")
    private Double floor;

    /** Significance level of the one-sided Mann-Whitney U test a regression must also pass. */
    @Parameter(property = "commgate.alpha", defaultValue = "" + Defaults.ALPHA)
    private double alpha;

    /** Compare with a baseline recorded in another environment instead of refusing to. */
    @Parameter(property = "commgate.allowEnvironmentMismatch", defaultValue = "false")
    private boolean allowEnvironmentMismatch;

    @Override
    protected void configure(RunSettings settings) {
        super.configure(settings);
        settings.thresholds(threshold, thresholds).floor(floor).alpha(alpha).allowEnvironmentMismatch(allowEnvironmentMismatch);
    }

    /** Where update-baseline will write, by the parameter that places it, so it can be checked before measuring. */
    protected final Map<String, Path> baselineOutput() {
        return baselineFile != null ? Map.of("baselineFile", baselineFile.toPath())
                : Map.of("baselineDirectory", baselineDirectory.toPath().resolve("baseline.json"));
    }

    /** The baseline file this run is compared with: the one given, or the one named after its environment. */
    protected final Path baselinePath(RunResult run) {
        return baselineFile != null ? baselineFile.toPath() : BaselineFile.forEnvironment(baselineDirectory.toPath(), EnvironmentKey.of(run));
    }

    /**
     * The baseline that can be read before anything is measured: the {@code baselineFile} given,
     * read whole, so that a mistake in it costs no sweep (present whenever one is given); empty
     * where the file is named after the environment the workers report. A {@code baselineDirectory} that is not a directory is
     * refused here too.
     */
    protected final Optional<Baseline> readBaselineBeforeMeasuring() throws MojoExecutionException {
        if (baselineFile != null) {
            return readBaseline(baselineFile.toPath());
        }
        if (baselineDirectory.exists() && !baselineDirectory.isDirectory()) {
            throw new MojoExecutionException("commgate: baselineDirectory: " + baselineDirectory + " is not a directory");
        }
        return Optional.empty();
    }

    /**
     * Where a baseline of {@code run}'s environment belongs: the {@code baselineFile} given, unless
     * that holds another environment's baseline (compared under allowEnvironmentMismatch), else the
     * file named after the environment in {@code baselineDirectory}.
     */
    protected final Path baselineTarget(RunResult run, Optional<Baseline> compared) {
        EnvironmentKey key = EnvironmentKey.of(run);
        boolean givenHoldsThis = baselineFile != null && compared.map(b -> b.key().equals(key)).orElse(true);
        return givenHoldsThis ? baselineFile.toPath() : BaselineFile.forEnvironment(baselineDirectory.toPath(), key);
    }

    protected final Optional<Baseline> readBaseline(Path file) throws MojoExecutionException {
        try {
            if (baselineFile != null) {
                return Optional.of(BaselineFile.read(file));
            }
            return BaselineFile.readIfPresent(file);
        } catch (BaselineException e) {
            throw new MojoExecutionException("commgate: " + e.getMessage());
        }
    }

    /** Where a path is shown to users: relative to the project, as it appears in their repository. */
    protected final String shown(Path file) {
        Path base = projectDirectory();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}

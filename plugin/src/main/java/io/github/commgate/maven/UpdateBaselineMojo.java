package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.BaselineUpdate;
import io.github.commgate.gate.RankDistance;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.GatePolicy;
import io.github.commgate.plan.InvalidSettingsException;
import io.github.commgate.plan.OutputLocations;
import io.github.commgate.plan.PlanValidator;
import io.github.commgate.plan.RunPlan;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.report.ResultsJsonReader;
import io.github.commgate.report.UnreadableResultsException;
import io.github.commgate.result.RunResult;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records the baseline of this environment: from fresh runs ({@code recordRuns}, pooled), or from the last run's
 * results.json ({@code -Dcommgate.fromResults=target/commgate/results.json}). Only the selected
 * communicators change; the file is written atomically with a stable layout, so its diff can be
 * reviewed like code. Making a point slower than its old baseline beyond the threshold needs
 * {@code -Dcommgate.reason="..."}, which is recorded in the file.
 */
@Mojo(name = "update-baseline", threadSafe = true)
public class UpdateBaselineMojo extends AbstractGateMojo {

    /** A results.json (or benchmark.json) to record instead of measuring again. */
    @Parameter(property = "commgate.fromResults")
    private File fromResults;

    /**
     * Independent runs (each with fresh workers) pooled into the baseline, so it holds the
     * spread between runs and not one run's luck (1 or more). Ignored with fromResults.
     */
    @Parameter(property = "commgate.recordRuns", defaultValue = "" + Defaults.RECORD_RUNS)
    private int recordRuns;

    /** Why the baseline may get slower; required when it does, and recorded in the file. */
    @Parameter(property = "commgate.reason")
    private String reason;

    @Override
    protected void configure(RunSettings settings) {
        super.configure(settings);
        settings.recordRuns(recordRuns);
    }

    @Override
    protected Map<String, Path> outputs() {
        Map<String, Path> outputs = super.outputs();
        outputs.putAll(baselineOutput());
        return outputs;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped() || measuredElsewhere("update-baseline")) {
            return;
        }
        Thresholds thresholds;
        List<RunResult> runs;
        if (fromResults != null) {
            thresholds = gateOnly().thresholds();
            runs = List.of(readResults(fromResults.toPath()));
        } else {
            RunPlan plan = plan();
            thresholds = plan.gate().thresholds();
            runs = measureRuns(plan);
        }
        // A fresh run measures only the selected communicators; a results file may hold more.
        Set<String> selected = fromResults != null ? Set.copyOf(communicatorsNamed()) : Set.of();
        Path file = baselinePath(runs.get(0));
        Optional<Baseline> previous = readBaseline(file);
        BaselineUpdate.Result result = new BaselineRecorder(getLog(), thresholds, toolVersion(), projectDirectory())
                .record(previous, runs, selected, reason, file);
        getLog().info("commgate: " + (previous.isPresent() ? "updated " : "recorded ") + shown(file)
                + (selected.isEmpty() ? "" : " for " + String.join(", ", selected)));
        result.changes().forEach(change -> getLog().info("commgate:   " + change));
        getLog().info("commgate: review the diff and commit it with your change");
    }

    /** The recording runs made on the nearest placement of the ranks' CPUs, which the baseline pools. */
    private List<RunResult> measureRuns(RunPlan plan) throws MojoExecutionException {
        List<RunResult> runs = new ArrayList<>();
        for (int run = 1; run <= plan.recordRuns(); run++) {
            getLog().info(String.format("commgate: recording run %d of %d", run, plan.recordRuns()));
            runs.add(measure(plan, plan.benchmark()));
        }
        List<RunResult> nearest = RankDistance.nearestPlacement(runs);
        if (nearest.size() < runs.size()) {
            getLog().warn(String.format("commgate: %d of %d recording runs left out: their ranks' CPUs were farther apart"
                    + " than in the others (a virtual machine's host moved them), so their timings belong to another"
                    + " placement", runs.size() - nearest.size(), runs.size()));
        }
        return nearest;
    }

    private GatePolicy gateOnly() throws MojoExecutionException {
        RunSettings settings = new RunSettings();
        configure(settings);
        try {
            GatePolicy gate = PlanValidator.validateGate(settings);
            OutputLocations.check(baselineOutput());
            return gate;
        } catch (InvalidSettingsException e) {
            throw invalid(e);
        }
    }

    private RunResult readResults(Path file) throws MojoExecutionException {
        try {
            getLog().info("commgate: recording " + file + " instead of measuring");
            return ResultsJsonReader.read(file);
        } catch (UnreadableResultsException e) {
            throw new MojoExecutionException("commgate: " + e.getMessage());
        }
    }
}

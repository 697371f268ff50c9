package io.github.commgate.maven;

import io.github.commgate.gate.BaselineFileUpdate;
import io.github.commgate.gate.UsualState;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            readBaselineBeforeMeasuring(); // a given baselineFile must exist: it is merged into, not created
            runs = List.of(readResults(fromResults.toPath()));
        } else {
            RunPlan plan = plan();
            thresholds = plan.gate().thresholds();
            readBaselineBeforeMeasuring();
            runs = measureRuns(plan);
        }
        // A fresh run measures only the selected communicators; a results file may hold more.
        Set<String> selected = fromResults != null ? Set.copyOf(communicatorsNamed()) : Set.of();
        Path file = baselinePath(runs.get(0));
        BaselineRecorder recorder = new BaselineRecorder(getLog(), thresholds, toolVersion(), projectDirectory());
        BaselineFileUpdate.Written written;
        try {
            written = recorder.record(runs, selected, reason, file);
        } catch (MojoExecutionException unreadableOrUnwritable) {
            throw fromResults != null ? unreadableOrUnwritable : keptAside(unreadableOrUnwritable, recorder, runs, selected, file);
        }
        getLog().info("commgate: " + (written.replaced() ? "updated " : "recorded ") + shown(file)
                + (selected.isEmpty() ? "" : " for " + String.join(", ", selected)));
        written.result().changes().forEach(change -> getLog().info("commgate:   " + change));
        getLog().info("commgate: review the diff and commit it with your change");
    }

    /**
     * The runs just measured, recorded into a fresh candidate rather than lost, where the baseline
     * they belong to cannot be read or written: the error then says where they are.
     */
    private MojoExecutionException keptAside(MojoExecutionException unreadable, BaselineRecorder recorder,
                                             List<RunResult> runs, Set<String> selected, Path file) {
        Path candidate = outputDirectory().resolve("baseline-candidate").resolve(file.getFileName());
        try {
            Files.deleteIfExists(candidate);
            recorder.record(runs, selected, reason, candidate);
        } catch (IOException | MojoExecutionException | MojoFailureException e) {
            return unreadable;
        }
        return new MojoExecutionException(unreadable.getMessage() + "; this run's measurements are recorded in " + candidate
                + ": mend or remove " + shown(file) + ", or copy the candidate over it");
    }

    /**
     * recordRuns runs in the machine's usual state ({@link UsualState}): a run that found the
     * machine slower than usual is measured again, at most {@link UsualState#EXTRA_RUNS} times;
     * where the state persists, every run is pooled and the user is told.
     */
    private List<RunResult> measureRuns(RunPlan plan) throws MojoExecutionException {
        List<RunResult> runs = new ArrayList<>();
        int most = plan.recordRuns() + UsualState.EXTRA_RUNS;
        while (runs.size() < most && (runs.size() < plan.recordRuns() || UsualState.among(runs).size() < plan.recordRuns())) {
            getLog().info(runs.size() < plan.recordRuns()
                    ? String.format("commgate: recording run %d of %d", runs.size() + 1, plan.recordRuns())
                    : String.format("commgate: recording run %d, an extra one (at most %d)", runs.size() + 1, most));
            RunResult run = measure(plan, plan.benchmark());
            runs.add(run);
            List<String> why = UsualState.why(run, runs);
            if (!why.isEmpty()) {
                getLog().warn("commgate: recording run " + runs.size() + " found the machine slower than usual ("
                        + String.join("; ", why) + "): measuring another, at most " + most + " runs in all");
            }
        }
        List<RunResult> usual = UsualState.among(runs);
        List<RunResult> pooled = UsualState.pooled(runs, plan.recordRuns());
        boolean poolAll = pooled.size() > usual.size();
        if (usual.size() < plan.recordRuns()) {
            getLog().warn(String.format("commgate: only %d of %d recording runs found the machine in its usual state;"
                    + " the baseline pools %s: record it again when the machine is quiet", usual.size(), runs.size(),
                    poolAll ? "all of them, so its limits follow the spread between them" : "those"));
        } else if (usual.size() < runs.size()) {
            getLog().info(String.format("commgate: %d of %d recording runs left out: the machine was slower than usual in them",
                    runs.size() - usual.size(), runs.size()));
        }
        return pooled;
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

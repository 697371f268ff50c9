package io.github.commgate.maven;

import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.RunOrigin;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.RunPlan;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.report.BenchmarkTable;
import io.github.commgate.report.ReportFiles;
import io.github.commgate.report.ReportFormats;
import io.github.commgate.report.RunReport;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Measures every selected communicator at every size and prints the table of vLLM's
 * benchmark_device_communicators.py (latency per all-reduce, the fastest per size and its
 * speedup) plus bus bandwidth; writes the same, with every rank's raw samples, as JSON. It
 * needs no project: in any directory,
 * {@code mvn io.github.commgate:commgate-maven-plugin:benchmark -Dcommgate.sequenceLengths=16,64}
 * runs a short sweep (on the cpu backend where no GPU is visible) and writes
 * commgate/benchmark.json there.
 */
@Mojo(name = "benchmark", requiresProject = false, threadSafe = true)
public class BenchmarkMojo extends AbstractMeasuringMojo {

    /** Where the JSON goes. Default: {@code target/commgate/benchmark.json}, or {@code commgate/benchmark.json} in the working directory without a project. */
    @Parameter(property = "commgate.outputJson")
    private File outputJson;

    /**
     * Where each run is appended for its trend, one file per environment, as the check goal does
     * (docs/ci.md); {@code mvn commgate:report} draws it. Default: {@code target/commgate/history},
     * or {@code commgate/history} in the working directory without a project.
     */
    @Parameter(property = "commgate.historyDirectory")
    private File historyDirectory;

    @Override
    protected void configure(RunSettings settings) {
        super.configure(settings);
        settings.history(historyDirectory(historyDirectory), Defaults.TREND_RUNS);
    }

    @Override
    protected Map<String, Path> outputs() {
        Map<String, Path> outputs = super.outputs();
        outputs.put("outputJson", json());
        outputs.put("historyDirectory", historyDirectory(historyDirectory).resolve("history.jsonl"));
        return outputs;
    }

    private Path json() {
        return outputJson != null ? outputJson.toPath() : outputDirectory().resolve(ReportFormats.BENCHMARK_JSON.fileName());
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped() || measuredElsewhere("benchmark")) {
            return;
        }
        RunPlan plan = plan();
        RunResult run = measure(plan, plan.benchmark());
        BenchmarkTable.lines(run).forEach(getLog()::info);
        long reportsStart = System.nanoTime();
        Path json = json();
        RunOrigin origin = origin();
        new RunHistory(getLog(), plan.history()).append(HistoryRecord.of(run, HistoryRecord.MEASURED, List.of(), origin, toolVersion()));
        try {
            ReportFiles.write(json, RunReport.measured(run, toolVersion()).withOrigin(origin), ReportFormats.BENCHMARK_JSON);
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot write " + json + ": " + e.getMessage(), e);
        }
        getLog().info("commgate: wrote " + json);
        getLog().info(String.format(Locale.ROOT, "commgate: first sample after %.2f s (fork + rendezvous), total %.1f s",
                run.rendezvousSeconds(), run.totalSeconds()));
        logTiming(run, reportsStart);
        List<PointResult> wrong = run.points().stream().filter(p -> p.status() == PointStatus.INCORRECT).toList();
        for (PointResult point : wrong) {
            point.mismatches().forEach(m -> getLog().error(String.format("commgate: %s (%d, %d): %s",
                    point.communicator(), point.sequenceLength(), point.hiddenSize(), m)));
        }
        if (!wrong.isEmpty()) {
            throw new MojoFailureException(String.format("commgate: %d of %d points gave wrong results; see the log above",
                    wrong.size(), run.points().size()));
        }
    }
}

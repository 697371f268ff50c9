package io.github.commgate.maven;

import io.github.commgate.plan.RunPlan;
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
 * speedup) plus bus bandwidth; writes the same, with every rank's raw samples, as JSON.
 * Needs no project: {@code mvn io.github.commgate:commgate-maven-plugin:benchmark}.
 */
@Mojo(name = "benchmark", requiresProject = false, threadSafe = true)
public class BenchmarkMojo extends AbstractMeasuringMojo {

    /** Where the JSON goes. Default: {@code target/commgate/benchmark.json}, or {@code commgate/benchmark.json} in the working directory without a project. */
    @Parameter(property = "commgate.outputJson")
    private File outputJson;

    @Override
    protected Map<String, Path> outputs() {
        Map<String, Path> outputs = super.outputs();
        outputs.put("outputJson", json());
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
        Path json = json();
        try {
            ReportFiles.write(json, RunReport.measured(run, toolVersion()), ReportFormats.BENCHMARK_JSON);
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot write " + json + ": " + e.getMessage(), e);
        }
        getLog().info("commgate: wrote " + json);
        getLog().info(String.format(Locale.ROOT, "commgate: first sample after %.2f s (fork + rendezvous), total %.1f s",
                run.rendezvousSeconds(), run.totalSeconds()));
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

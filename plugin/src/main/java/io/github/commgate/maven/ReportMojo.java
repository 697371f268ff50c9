package io.github.commgate.maven;

import io.github.commgate.files.AtomicFile;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.Trend;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.HistoryPolicy;
import io.github.commgate.plan.InvalidSettingsException;
import io.github.commgate.plan.OutputLocations;
import io.github.commgate.plan.PlanValidator;
import io.github.commgate.plan.RunSettings;
import io.github.commgate.report.TrendInputs;
import io.github.commgate.report.TrendPage;
import io.github.commgate.report.UnreadableResultsException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds trend.html, the trend of each environment's runs as check's report.html draws it, from
 * any set of runs: the history the check and benchmark goals keep, or the results.json files of
 * earlier builds (CI artifacts, downloaded), so a trend needs no server. Needs no project, for
 * example {@code mvn io.github.commgate:commgate-maven-plugin:0.1.0-SNAPSHOT:report -Dcommgate.results=artifacts}
 * after downloading earlier runs' target/commgate folders into artifacts/.
 */
@Mojo(name = "report", requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractCommgateMojo {

    /**
     * Comma-separated results.json or benchmark.json files, history files (.jsonl), or directories
     * searched at any depth for them. Default: the history directory.
     * Example: {@code -Dcommgate.results=run-41/results.json,run-42/results.json}.
     */
    @Parameter(property = "commgate.results")
    private String results;

    /** The history read when {@code results} is not given. Default: {@code target/commgate/history}. */
    @Parameter(property = "commgate.historyDirectory")
    private File historyDirectory;

    /** How many of each environment's latest runs the page shows and the creeping-up rule reads (2 or more). */
    @Parameter(property = "commgate.trendRuns", defaultValue = "" + Defaults.TREND_RUNS)
    private int trendRuns;

    /** The page to write. Default: {@code target/commgate/trend.html}, or {@code commgate/trend.html} without a project. */
    @Parameter(property = "commgate.trendFile")
    private File trendFile;

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        HistoryPolicy policy;
        Path page = trendFile != null ? trendFile.toPath() : outputDirectory().resolve(TrendPage.FILE_NAME);
        try {
            policy = PlanValidator.validateHistory(new RunSettings().history(historyDirectory(historyDirectory), trendRuns));
            OutputLocations.check(Map.of("trendFile", page));
        } catch (InvalidSettingsException e) {
            throw invalid(e);
        }
        boolean fromHistory = results == null || results.isBlank();
        if (fromHistory && !Files.isDirectory(policy.directory())) {
            throw new MojoExecutionException("commgate: no history in " + policy.directory() + ": run the check or benchmark goal"
                    + " first, or name results files with -Dcommgate.results");
        }
        List<Path> inputs = fromHistory ? List.of(policy.directory())
                : PlanValidator.split(results).stream().map(r -> projectDirectory().resolve(r)).toList();
        List<HistoryRecord> runs;
        try {
            runs = TrendInputs.read(inputs, warning -> getLog().warn("commgate: " + warning));
        } catch (UnreadableResultsException e) {
            throw new MojoExecutionException("commgate: " + e.getMessage());
        }
        List<Trend> trends = TrendInputs.trends(runs, policy.trendRuns());
        for (Trend trend : trends) {
            getLog().info(String.format("commgate: %s: %d %s", trend.environment(), trend.runs().size(),
                    plural(trend.runs().size(), "run")));
            trend.creeping().forEach(sentence -> getLog().warn("commgate: " + sentence));
            trend.steps().forEach(sentence -> getLog().info("commgate: " + sentence));
        }
        try {
            AtomicFile.write(page, TrendPage.render(trends, toolVersion()), AtomicFile.Readers.EVERYONE);
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot write " + page + ": " + e.getMessage(), e);
        }
        getLog().info(String.format("commgate: trend of %d %s in %d %s from %d %s in %s", runs.size(), plural(runs.size(), "run"),
                trends.size(), plural(trends.size(), "environment"), inputs.size(), plural(inputs.size(), "input"), page));
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}

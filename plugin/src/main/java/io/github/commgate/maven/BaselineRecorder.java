package io.github.commgate.maven;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineFile;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.gate.BaselineUpdate;
import io.github.commgate.gate.BaselineUpdateException;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Records baselines: with where they came from (tool, date, git commit), atomically, and says what changed. */
final class BaselineRecorder {

    private final Log log;
    private final Thresholds thresholds;
    private final String toolVersion;
    private final Path projectDirectory;

    BaselineRecorder(Log log, Thresholds thresholds, String toolVersion, Path projectDirectory) {
        this.log = log;
        this.thresholds = thresholds;
        this.toolVersion = toolVersion;
        this.projectDirectory = projectDirectory;
    }

    /** Merges {@code runs} into {@code previous} and writes the result to {@code file}; returns the changes. */
    BaselineUpdate.Result record(Optional<Baseline> previous, List<RunResult> runs, Set<String> communicators, String reason,
                                 Path file)
            throws MojoExecutionException, MojoFailureException {
        BaselineUpdate.Result result;
        try {
            result = new BaselineUpdate(thresholds, communicators, reason).apply(previous, runs, provenance());
        } catch (BaselineUpdateException e) {
            e.details().forEach(d -> log.error("commgate: " + d));
            throw new MojoFailureException("commgate: " + e.getMessage()
                    + " (pass -Dcommgate.reason=\"why this is expected\" to record them; the reason is kept in the file)");
        }
        try {
            BaselineFile.write(result.baseline(), file);
        } catch (IOException e) {
            throw new MojoExecutionException("commgate: cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
        return result;
    }

    Path writeCandidate(RunResult run, Path file) throws MojoExecutionException {
        try {
            record(Optional.empty(), List.of(run), Set.of(), null, file);
        } catch (MojoFailureException nothingToRecord) {
            log.warn("commgate: no candidate baseline: " + nothingToRecord.getMessage());
        }
        return file;
    }

    private Provenance provenance() {
        return new Provenance(toolVersion, Instant.now(), gitCommit().orElse(null));
    }

    /** The commit the project is at, when it is a git checkout and git is installed. */
    private Optional<String> gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(projectDirectory.toFile())
                    .redirectErrorStream(true).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

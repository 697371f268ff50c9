package io.github.commgate.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit and branch a build runs on. CI servers check out a detached commit, where git
 * knows no branch, so their own variables come first: GitHub Actions ({@code GITHUB_SHA},
 * {@code GITHUB_HEAD_REF} for a pull request, else {@code GITHUB_REF_NAME}), GitLab CI
 * ({@code CI_COMMIT_SHA}, {@code CI_COMMIT_REF_NAME}) and Jenkins' git plugin ({@code GIT_COMMIT},
 * {@code GIT_BRANCH}). Elsewhere {@code git rev-parse} in the project directory answers.
 */
public final class GitRevision {

    private GitRevision() {
    }

    public static RunOrigin detect(String project, Path directory, Map<String, String> environment) {
        String commit = first(environment, "GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT")
                .or(() -> git(directory, "rev-parse", "HEAD").filter(c -> c.matches("[0-9a-f]{40}"))).orElse(null);
        String branch = first(environment, "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "GIT_BRANCH")
                .map(GitRevision::withoutRemote)
                .or(() -> git(directory, "rev-parse", "--abbrev-ref", "HEAD").filter(b -> !b.equals("HEAD")))
                .orElse(null);
        return new RunOrigin(project, commit, branch);
    }

    /** Jenkins names the branch as the remote's: "origin/main". */
    private static String withoutRemote(String branch) {
        return branch.startsWith("origin/") ? branch.substring("origin/".length()) : branch;
    }

    private static Optional<String> first(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** Git's one line of output, or empty where git is missing, fails or takes longer than a build should wait. */
    private static Optional<String> git(Path directory, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process git = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && !out.isEmpty() && !out.contains("\n") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package io.github.commgate.history;

import java.util.Optional;

/**
 * Where a run's code came from: the project (or module) that ran the gate, and the git commit
 * and branch it was built from, where known. Reports name them so that a summary among several
 * modules, or a trend over many runs, says whose numbers these are.
 *
 * @param project "example" or "io.github.commgate:example": the Maven project's name; "" without one
 * @param gitCommit the full commit id, or null where unknown
 * @param gitBranch the branch, or null where unknown (a detached checkout, a tag build)
 */
public record RunOrigin(String project, String gitCommit, String gitBranch) {

    /** Git's default length of an abbreviated commit id, as GitHub and GitLab show them. */
    static final int SHORT_COMMIT = 7;

    public static final RunOrigin UNKNOWN = new RunOrigin("", null, null);

    public RunOrigin {
        project = project == null ? "" : project;
    }

    public Optional<String> commit() {
        return Optional.ofNullable(gitCommit);
    }

    public Optional<String> branch() {
        return Optional.ofNullable(gitBranch);
    }

    /** "0123abc", as git and the forges abbreviate a commit. */
    public Optional<String> shortCommit() {
        return commit().map(c -> c.length() > SHORT_COMMIT ? c.substring(0, SHORT_COMMIT) : c);
    }

    /** "commit 0123abc on main", "commit 0123abc", or "" where nothing is known. */
    public String revision() {
        String commit = shortCommit().map(c -> "commit " + c).orElse("");
        String branch = branch().map(b -> (commit.isEmpty() ? "branch " : " on ") + b).orElse("");
        return commit + branch;
    }
}

package io.github.commgate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionTest {

    private static final String SHA = "0123abcd4567ef890123abcd4567ef8901234567";

    @Test
    void aPullRequestOnGithubActionsNamesItsHeadBranchNotTheMergeRef(@TempDir Path directory) {
        RunOrigin origin = GitRevision.detect("example", directory, Map.of("GITHUB_SHA", SHA, "GITHUB_REF_NAME", "17/merge",
                "GITHUB_HEAD_REF", "faster-twoshot"));
        assertEquals(new RunOrigin("example", SHA, "faster-twoshot"), origin);
        assertEquals("commit 0123abc on faster-twoshot", origin.revision());
    }

    @Test
    void jenkinsBranchLosesItsRemoteAndGitlabsVariablesAreRead(@TempDir Path directory) {
        assertEquals("main", GitRevision.detect("", directory, Map.of("GIT_COMMIT", SHA, "GIT_BRANCH", "origin/main")).gitBranch());
        assertEquals(new RunOrigin("", SHA, "release"),
                GitRevision.detect("", directory, Map.of("CI_COMMIT_SHA", SHA, "CI_COMMIT_REF_NAME", "release")));
    }

    @Test
    void outsideCiAndOutsideAGitCheckoutNothingIsKnown(@TempDir Path directory) {
        RunOrigin origin = GitRevision.detect("example", directory, Map.of());
        assertEquals(new RunOrigin("example", null, null), origin);
        assertEquals("", origin.revision());
    }

    @Test
    void aLocalCheckoutTellsItsCommitAndBranch(@TempDir Path directory) throws Exception {
        git(directory, "init", "-q", "-b", "work");
        git(directory, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "first");
        RunOrigin origin = GitRevision.detect("example", directory, Map.of());
        assertTrue(origin.gitCommit().matches("[0-9a-f]{40}"), origin.toString());
        assertEquals("work", origin.gitBranch());
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process git = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "git " + String.join(" ", arguments));
        assertTrue(Files.isDirectory(directory.resolve(".git")));
    }
}

package io.github.commgate.maven;

import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * A goal that measures the machine measures it once per build: the modules of a reactor share
 * the machine, not code the gate could tell apart, so measuring each of them would only repeat
 * the same minutes (and, with -T, measure them against each other). The first module to run the
 * goal claims it in the build's session data, atomically, and the others are told where it ran.
 */
final class OncePerBuild {

    private OncePerBuild() {
    }

    /** The module that already measured for {@code goal} in this build, or empty when this one is the first. */
    static Optional<String> claimedBy(MavenSession session, String goal, MavenProject project) {
        if (session == null || session.getRepositorySession() == null) {
            return Optional.empty();
        }
        SessionData data = session.getRepositorySession().getData();
        String key = OncePerBuild.class.getName() + "." + goal;
        String mine = project == null ? "the working directory" : project.getGroupId() + ":" + project.getArtifactId();
        synchronized (data) {
            Object claimed = data.get(key);
            if (claimed == null) {
                data.set(key, mine);
                return Optional.empty();
            }
            return claimed.equals(mine) ? Optional.empty() : Optional.of(claimed.toString());
        }
    }
}

package io.github.commgate.maven;

import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.Verdict;
import io.github.commgate.plan.GatePolicy;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * How a check ends in Maven's terms: every violation logged, then one failure. A regression
 * fails the build (MojoFailureException) unless failOnRegression is false; what is not the
 * code's fault (another environment, a broken run) is infrastructure (MojoExecutionException).
 */
final class GateConclusion {

    private GateConclusion() {
    }

    static void conclude(Log log, GatePolicy policy, GateOutcome outcome) throws MojoFailureException, MojoExecutionException {
        switch (outcome.decision()) {
            case PASS -> {
                log.info("commgate: PASS: " + outcome.headline());
                if (!outcome.withVerdict(Verdict.IMPROVED).isEmpty()) {
                    log.info("commgate: some points improved; record them with mvn commgate:update-baseline");
                }
            }
            case NOT_COMPARABLE -> throw new MojoExecutionException("commgate: " + outcome.headline()
                    + "; set allowEnvironmentMismatch to compare anyway");
            case ERROR -> {
                outcome.errors().forEach(e -> log.error("commgate: " + e));
                throw new MojoExecutionException("commgate: " + outcome.headline());
            }
            case FAIL -> {
                outcome.violations().forEach(v -> {
                    if (policy.failOnRegression()) {
                        log.error("commgate: " + v);
                    } else {
                        log.warn("commgate: " + v);
                    }
                });
                if (policy.failOnRegression()) {
                    throw new MojoFailureException("commgate: " + outcome.headline() + "; see the log above and target/commgate/report.md");
                }
                log.warn("commgate: " + outcome.headline() + " (failOnRegression is false: the build goes on)");
            }
        }
    }
}

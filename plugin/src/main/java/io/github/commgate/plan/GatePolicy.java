package io.github.commgate.plan;

/**
 * How the check goal judges and what it does with the verdict.
 *
 * @param confirmRuns              times a regressed point is measured again before it may fail the build
 * @param allowEnvironmentMismatch compare with a baseline of another environment instead of refusing to
 * @param requireBaseline          fail when the environment has no baseline, instead of warning
 * @param failOnRegression         fail the build on a regression or a wrong result; false only warns
 */
public record GatePolicy(Thresholds thresholds, int confirmRuns, boolean allowEnvironmentMismatch,
                         boolean requireBaseline, boolean failOnRegression) {

    public static GatePolicy defaults() {
        return new GatePolicy(Thresholds.defaults(), Defaults.CONFIRM_RUNS, false, false, true);
    }
}

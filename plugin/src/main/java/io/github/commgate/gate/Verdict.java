package io.github.commgate.gate;

/** What the gate concluded about one (communicator, size) point. */
public enum Verdict {
    /** Within the limit, or beyond it without statistical significance. */
    PASS,
    /** Significantly faster than the baseline beyond the threshold: worth recording. */
    IMPROVED,
    /** Slower than the limit, by more than the floor, and significantly so. Fails the build. */
    REGRESSED,
    /** Measured, but the baseline has no entry for it. */
    NO_BASELINE,
    /** Not run here (world size, size limit, library too old, ...). */
    SKIPPED,
    /** The output differed from the exact sum; its timing means nothing. Fails the build. */
    INCORRECT,
    /** Measured, but the measurement cannot be judged (no samples, a non-finite sample). */
    ERROR,
    /** Measured, but the baseline comes from another environment, so it was not compared. */
    NOT_COMPARABLE
}

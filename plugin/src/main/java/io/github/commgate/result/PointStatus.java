package io.github.commgate.result;

/** How a point of a run ended, before any comparison with a baseline. */
public enum PointStatus {
    /** Timed, and every rank's output equalled the exact sum. */
    MEASURED,
    /** Not run, with a reason that every rank gave alike. */
    SKIPPED,
    /** Timed, but at least one rank's output differed from the exact sum; its timing means nothing. */
    INCORRECT
}

package io.github.commgate.launch;

import io.github.commgate.result.PointResult;
import java.util.List;
import java.util.Map;

/**
 * The workers could not produce a result: a rank failed to start, crashed, reported an error,
 * or the run timed out. The message names the rank and ends with the last lines of its log; the
 * points every rank finished before, and what rank 0 told of its machine, come with it, so the
 * reports can show what was measured.
 */
public final class LaunchException extends Exception {

    private final List<PointResult> measured;
    private final Map<String, String> rankEnvironment;

    public LaunchException(String message) {
        this(message, null, List.of(), Map.of());
    }

    public LaunchException(String message, Throwable cause) {
        this(message, cause, List.of(), Map.of());
    }

    private LaunchException(String message, Throwable cause, List<PointResult> measured, Map<String, String> rankEnvironment) {
        super(message, cause);
        this.measured = List.copyOf(measured);
        this.rankEnvironment = Map.copyOf(rankEnvironment);
    }

    /** This failure, with what the run had measured when it happened. */
    LaunchException after(List<PointResult> points, Map<String, String> environment) {
        LaunchException withPoints = new LaunchException(getMessage(), getCause(), points, environment);
        withPoints.setStackTrace(getStackTrace());
        return withPoints;
    }

    /** The points every rank finished before the failure, in plan order. */
    public List<PointResult> measured() {
        return measured;
    }

    public Map<String, String> rankEnvironment() {
        return rankEnvironment;
    }
}

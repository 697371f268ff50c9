package io.github.commgate.maven;

import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * When each point of a run ended, hence the wall time each took, and a guess of how long the
 * points still to come will take. The workers go from one point to the next at once, so a
 * point's wall time is the time between the end of the point before it and its own end.
 *
 * <p>The guess for a point to come is the wall time of the measured point of the same
 * communicator (else of any) nearest in size, scaled up by the ratio of the sizes when the point
 * is larger: large all-reduces take time in proportion to their bytes, small ones a fixed
 * latency that scaling down would underestimate. Skipped points take no time and guess nothing.
 */
final class RunTimeline {

    private final List<BenchmarkPlan.PlannedPoint> planned;
    private final long startNanos;
    private final List<Double> endSeconds = new ArrayList<>();
    private final List<PointResult> completed = new ArrayList<>();
    /** When the first point began, in seconds since the start; until known, when the ranks had all connected. */
    private double firstStartSeconds;

    /** @param startNanos {@link System#nanoTime()} when the goal started the workers */
    RunTimeline(BenchmarkPlan plan, long startNanos) {
        this.planned = plan.points();
        this.startNanos = startNanos;
    }

    /** Every rank has connected: the first point begins once they have opened their communicators. */
    void ranksConnected(long nowNanos) {
        firstStartSeconds = seconds(nowNanos);
    }

    /** When the first point began, as the workers tell it after the run. */
    void firstPointStarted(double secondsSinceStart) {
        firstStartSeconds = secondsSinceStart;
    }

    /** The next point in plan order ended at {@code nowNanos}. */
    void completed(PointResult point, long nowNanos) {
        completed.add(point);
        endSeconds.add(seconds(nowNanos));
    }

    double elapsedSeconds(long nowNanos) {
        return seconds(nowNanos);
    }

    int completedCount() {
        return completed.size();
    }

    int total() {
        return planned.size();
    }

    /** The planned point that runs now, or null after the last. */
    BenchmarkPlan.PlannedPoint running() {
        return completed.size() < planned.size() ? planned.get(completed.size()) : null;
    }

    /** Wall seconds of the {@code index}-th completed point (0-based). */
    double wallSeconds(int index) {
        double start = index == 0 ? firstStartSeconds : endSeconds.get(index - 1);
        return Math.max(0, endSeconds.get(index) - start);
    }

    /** The guess for the planned point at {@code index}; empty until some point of its kind was measured. */
    OptionalDouble guessSeconds(int index) {
        BenchmarkPlan.PlannedPoint point = planned.get(index);
        OptionalDouble same = guess(point, true);
        return same.isPresent() ? same : guess(point, false);
    }

    /** The guesses of every point still to run, summed; empty when one of them cannot be guessed yet. */
    OptionalDouble remainingSeconds() {
        double sum = 0;
        for (int i = completed.size(); i < planned.size(); i++) {
            OptionalDouble guess = guessSeconds(i);
            if (guess.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += guess.getAsDouble();
        }
        return OptionalDouble.of(sum);
    }

    private OptionalDouble guess(BenchmarkPlan.PlannedPoint point, boolean sameCommunicator) {
        long bytes = point.point().bytes();
        int nearest = -1;
        for (int i = 0; i < completed.size(); i++) {
            PointResult done = completed.get(i);
            if (done.status() == PointStatus.SKIPPED || sameCommunicator && !done.communicator().equals(point.communicator())) {
                continue;
            }
            if (nearest < 0 || distance(done.bytes(), bytes) < distance(completed.get(nearest).bytes(), bytes)) {
                nearest = i;
            }
        }
        if (nearest < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(wallSeconds(nearest) * Math.max(1.0, (double) bytes / completed.get(nearest).bytes()));
    }

    /** How far apart two sizes are, as a ratio: 1 MiB is as near to 2 MiB as 16 MiB to 32 MiB. */
    private static double distance(long a, long b) {
        return Math.abs(Math.log((double) a / b));
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }
}

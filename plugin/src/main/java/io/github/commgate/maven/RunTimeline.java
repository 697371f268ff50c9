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
 * <p>The guess for a point to come starts from the measured point of the same communicator
 * (else of any) nearest in size. Of that point's wall time, only its timed all-reduces (warm-ups
 * and trials of {@code cycles} all-reduces at its median) are scaled up by the ratio of the sizes
 * when the point is larger; the rest (inputs, graph capture, the check) is taken as it was. On a
 * GPU a 256 KiB point spends well under 1 % of its wall time in its all-reduces, and scaling the
 * whole of it by 512 guessed 1 h 45 min for a sweep that took 3 s. Small points keep their time:
 * scaling down would underestimate a fixed latency. A communicator that skipped every point it
 * has met so far skipped for a reason of the run (its world size, its library), so its points to
 * come are guessed to take no time.
 */
final class RunTimeline {

    private final List<BenchmarkPlan.PlannedPoint> planned;
    /** All-reduces a point times: (warm-ups + trials) x cycles. */
    private final long timedAllReduces;
    private final long startNanos;
    private final List<Double> endSeconds = new ArrayList<>();
    private final List<PointResult> completed = new ArrayList<>();
    /** When the first point began, in seconds since the start; until known, when the ranks had all connected. */
    private double firstStartSeconds;

    /** @param startNanos {@link System#nanoTime()} when the goal started the workers */
    RunTimeline(BenchmarkPlan plan, long startNanos) {
        this.planned = plan.points();
        this.timedAllReduces = (long) (plan.protocol().warmups() + plan.protocol().trials()) * plan.protocol().cycles();
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
        if (skipsEverything(point.communicator())) {
            return OptionalDouble.of(0);
        }
        OptionalDouble same = guess(point, true);
        return same.isPresent() ? same : guess(point, false);
    }

    /**
     * The guesses of every point still to run, summed; empty while one of them cannot be guessed
     * yet, or belongs to a communicator not met so far: another communicator's time is a fair
     * guess for the one point about to begin, but summed over a sweep whose communicators skip
     * at this world size it said 43 s for a sweep of 2 s.
     */
    OptionalDouble remainingSeconds() {
        double sum = 0;
        for (int i = completed.size(); i < planned.size(); i++) {
            if (met(planned.get(i).communicator()).isEmpty()) {
                return OptionalDouble.empty();
            }
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
        PointResult from = completed.get(nearest);
        double wall = wallSeconds(nearest);
        double timed = Math.min(wall, timedAllReduces * from.medianMicros() / 1e6);
        double ratio = Math.max(1.0, (double) bytes / from.bytes());
        return OptionalDouble.of(wall - timed + timed * ratio);
    }

    private boolean skipsEverything(String communicator) {
        List<PointResult> met = met(communicator);
        return !met.isEmpty() && met.stream().allMatch(p -> p.status() == PointStatus.SKIPPED);
    }

    /** The completed points of {@code communicator}. */
    private List<PointResult> met(String communicator) {
        return completed.stream().filter(p -> p.communicator().equals(communicator)).toList();
    }

    /** How far apart two sizes are, as a ratio: 1 MiB is as near to 2 MiB as 16 MiB to 32 MiB. */
    private static double distance(long a, long b) {
        return Math.abs(Math.log((double) a / b));
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }
}

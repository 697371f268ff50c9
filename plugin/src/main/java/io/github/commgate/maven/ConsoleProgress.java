package io.github.commgate.maven;

import io.github.commgate.launch.ProgressListener;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.Units;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * Tells the user, in Maven's log, how far the run has come: each point as it completes, with
 * the share of the points done, the time elapsed and a guess of the time left, and a line when
 * a point begins that is likely to take long, since Maven prints nothing while a point runs.
 */
final class ConsoleProgress implements ProgressListener {

    /** A silence longer than this reads as a hang; such a point is announced when it begins. */
    static final double LONG_POINT_SECONDS = 5.0;

    private final Log log;
    private final RunTimeline timeline;
    private final LongSupplier nanoTime;

    ConsoleProgress(Log log, RunTimeline timeline, LongSupplier nanoTime) {
        this.log = log;
        this.timeline = timeline;
        this.nanoTime = nanoTime;
    }

    @Override
    public void ranksConnected(double secondsSinceStart) {
        timeline.ranksConnected(nanoTime.getAsLong());
        log.info(String.format(Locale.ROOT, "all ranks connected after %.2f s", secondsSinceStart));
    }

    @Override
    public void waitingForMachine(String line) {
        log.info("commgate: " + line);
    }

    @Override
    public void leftoverRemoved(String line) {
        log.info("commgate: " + line);
    }

    @Override
    public void peerRefused(String line) {
        log.warn("commgate: " + line);
    }

    @Override
    public void pointCompleted(int index, int total, PointResult point) {
        long now = nanoTime.getAsLong();
        timeline.completed(point, now);
        String outcome = switch (point.status()) {
            case MEASURED -> Units.micros(point.medianMicros());
            case SKIPPED -> "skipped: " + point.skipReason();
            case INCORRECT -> "WRONG RESULT";
        };
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %s: %s; %d %% done, %s elapsed",
                index, total, name(point.communicator(), point.sequenceLength(), point.hiddenSize(), point.bytes()), outcome,
                100 * index / total, duration(timeline.elapsedSeconds(now))));
        OptionalDouble left = timeline.remainingSeconds();
        if (index < total && left.isPresent()) {
            line.append(", about ").append(duration(left.getAsDouble())).append(" left");
        }
        log.info(line.toString());
        announceIfLong(index, total);
    }

    /** The workers have begun the next point at once; say so when it will keep the log silent for long. */
    private void announceIfLong(int completed, int total) {
        BenchmarkPlan.PlannedPoint next = timeline.running();
        if (next == null) {
            return;
        }
        OptionalDouble guess = timeline.guessSeconds(completed);
        if (guess.isPresent() && guess.getAsDouble() >= LONG_POINT_SECONDS) {
            log.info(String.format(Locale.ROOT, "[%d/%d] %s: measuring, about %s", completed + 1, total,
                    name(next.communicator(), next.point().sequenceLength(), next.point().hiddenSize(), next.point().bytes()),
                    duration(guess.getAsDouble())));
        }
    }

    /** "shm-oneshot (128, 8192) 2 MiB": the communicator, the tensor's shape and its size. */
    private static String name(String communicator, int sequenceLength, int hiddenSize, long bytes) {
        return String.format(Locale.ROOT, "%s (%d, %d) %s", communicator, sequenceLength, hiddenSize, Units.size(bytes));
    }

    /** "9 s", "2 min 05 s", "1 h 02 min": as a person reads a wait. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}

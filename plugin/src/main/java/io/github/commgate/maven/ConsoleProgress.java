package io.github.commgate.maven;

import io.github.commgate.launch.ProgressListener;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.Units;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Tells the user, in Maven's log, how far the run has come. */
final class ConsoleProgress implements ProgressListener {

    private final Log log;

    ConsoleProgress(Log log) {
        this.log = log;
    }

    @Override
    public void ranksConnected(double secondsSinceStart) {
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
        String outcome = switch (point.status()) {
            case MEASURED -> Units.micros(point.medianMicros());
            case SKIPPED -> "skipped: " + point.skipReason();
            case INCORRECT -> "WRONG RESULT";
        };
        log.info(String.format(Locale.ROOT, "[%d/%d] %s (%d, %d) %s: %s", index, total, point.communicator(),
                point.sequenceLength(), point.hiddenSize(), Units.size(point.bytes()), outcome));
    }
}

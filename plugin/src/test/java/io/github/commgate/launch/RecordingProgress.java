package io.github.commgate.launch;

import io.github.commgate.result.PointResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** What a launch told its listener, kept for a test to read; {@link #connected} opens when every rank has joined. */
final class RecordingProgress implements ProgressListener {

    final List<String> waiting = new CopyOnWriteArrayList<>();
    final List<String> leftovers = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final List<PointResult> points = new CopyOnWriteArrayList<>();
    final CountDownLatch connected = new CountDownLatch(1);

    @Override
    public void ranksConnected(double secondsSinceStart) {
        connected.countDown();
    }

    @Override
    public void pointCompleted(int index, int total, PointResult point) {
        points.add(point);
    }

    @Override
    public void waitingForMachine(String line) {
        waiting.add(line);
    }

    @Override
    public void leftoverRemoved(String line) {
        leftovers.add(line);
    }

    @Override
    public void peerRefused(String line) {
        refused.add(line);
    }
}

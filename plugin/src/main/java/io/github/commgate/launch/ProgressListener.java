package io.github.commgate.launch;

import io.github.commgate.result.PointResult;

/** What the launcher tells its caller while a run goes on. */
public interface ProgressListener {

    /** Every rank has connected and received its plan. */
    void ranksConnected(double secondsSinceStart);

    /** The {@code index}-th point (1-based) of {@code total} is complete on every rank. */
    void pointCompleted(int index, int total, PointResult point);
}

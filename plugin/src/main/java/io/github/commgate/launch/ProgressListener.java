package io.github.commgate.launch;

import io.github.commgate.result.PointResult;

/**
 * What the launcher tells its caller while a run goes on. The notices have default bodies that
 * drop them, so a caller that does not show them still compiles; each is one finished line.
 */
public interface ProgressListener {

    /** Every rank has connected and received its plan. */
    void ranksConnected(double secondsSinceStart);

    /** The {@code index}-th point (1-based) of {@code total} is complete on every rank. */
    void pointCompleted(int index, int total, PointResult point);

    /**
     * Another run holds the machine and this one waits: who holds it (pid, project) and how long
     * this run has waited. Told when the wait begins and every {@link MachineLock#REPORT_EVERY} after.
     */
    default void waitingForMachine(String line) {
    }

    /** A scratch directory that a killed run left behind was removed: which, and whose it was. */
    default void leftoverRemoved(String line) {
    }

    /**
     * A connection to the coordinator was refused before it proved the run's token: its address
     * and why. The run goes on; a flood is named for its first {@link Admission#NAMED_REFUSALS}
     * peers, then counted once at the end.
     */
    default void peerRefused(String line) {
    }
}

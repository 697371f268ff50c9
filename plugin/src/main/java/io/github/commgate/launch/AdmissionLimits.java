package io.github.commgate.launch;

import java.time.Duration;

/**
 * What the coordinator allows a connection that has not yet proven the run's token.
 *
 * @param helloTimeout how long it may take to send its hello; a worker sends it right after
 *                     connecting, so only a stranger or a stalled process takes seconds
 * @param maxWaiting   how many such connections may wait at once; one more pushes out the one
 *                     that has waited longest, and a worker pushed out tries again
 */
record AdmissionLimits(Duration helloTimeout, int maxWaiting) {

    /** 64 waiting strangers cost at most 64 x (4 KiB hello + 8 KiB stream buffer) and 64 parked threads. */
    static final AdmissionLimits DEFAULT = new AdmissionLimits(Duration.ofSeconds(5), 64);
}

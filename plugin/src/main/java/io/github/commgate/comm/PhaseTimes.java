package io.github.commgate.comm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * A rank's time per {@link WorkerPhase}, measured where the work happens. Phases nest: while an
 * inner phase runs (NCCL set up while a communicator opens), the outer one is paused, so every
 * nanosecond of a thread counts in one phase only and the phases of the main thread add up to
 * its wall time.
 */
public final class PhaseTimes {

    private final long[] nanos = new long[WorkerPhase.values().length];
    private final ThreadLocal<Deque<Span>> open = ThreadLocal.withInitial(ArrayDeque::new);

    /** One phase being timed on this thread; closing it resumes the phase it interrupted. */
    public final class Span implements AutoCloseable {
        private final WorkerPhase phase;
        private long since;

        private Span(WorkerPhase phase, long since) {
            this.phase = phase;
            this.since = since;
        }

        @Override
        public void close() {
            long now = System.nanoTime();
            add(phase, now - since);
            Deque<Span> stack = open.get();
            stack.remove(this);
            Span outer = stack.peek();
            if (outer != null) {
                outer.since = now;
            }
        }
    }

    /** Starts timing {@code phase} on this thread, pausing the phase it interrupts. */
    public Span start(WorkerPhase phase) {
        long now = System.nanoTime();
        Deque<Span> stack = open.get();
        Span outer = stack.peek();
        if (outer != null) {
            add(outer.phase, now - outer.since);
        }
        Span span = new Span(phase, now);
        stack.push(span);
        return span;
    }

    public synchronized void add(WorkerPhase phase, long elapsedNanos) {
        nanos[phase.ordinal()] += elapsedNanos;
    }

    /** Seconds per phase, for the phases that took any time, in declaration order. */
    public synchronized Map<WorkerPhase, Double> seconds() {
        Map<WorkerPhase, Double> seconds = new EnumMap<>(WorkerPhase.class);
        for (WorkerPhase phase : WorkerPhase.values()) {
            if (nanos[phase.ordinal()] > 0) {
                seconds.put(phase, nanos[phase.ordinal()] / 1e9);
            }
        }
        return seconds;
    }
}

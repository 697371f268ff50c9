package io.github.commgate.result;

import io.github.commgate.comm.WorkerPhase;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's wall time went, in seconds: the host's phases, measured in the Maven JVM, and the
 * workers' phases ({@link WorkerPhase}), each the slowest rank's time in it, since the ranks wait
 * for each other. A rank's phases add up to its own wall time from the plan's arrival to its
 * goodbye; the slowest ranks of two phases may differ, so the workers' phases are not a sum of
 * anything. Empty for a run that was read from an older file or pooled from several runs.
 *
 * @param host    {@link #HOST_PHASES} that were measured, in that order
 * @param workers {@link WorkerPhase} keys, in that enum's order
 */
public record RunTiming(Map<String, Double> host, Map<String, Double> workers) {

    /** From the goal's start to its validated plan. */
    public static final String PLAN = "plan";
    /** Waiting for another run on the same devices (the machine lock). */
    public static final String LOCK_WAIT = "lock_wait";
    /** Starting the worker processes. */
    public static final String FORK = "fork";
    /** From the first fork until every rank has said hello: JVM start, class loading, joining. */
    public static final String JVM_START = "jvm_start";
    /** From the goal's start until the first point began: the start-up as a whole. */
    public static final String FIRST_POINT = "first_point";
    /** From every rank's hello until the last rank exited: the workers' phases. */
    public static final String MEASURING = "measuring";
    /** Writing the reports; known only after results.json is written, so only the console shows it. */
    public static final String REPORTS = "reports";
    /** From the goal's start to the end of the measurement (results.json), or of the reports (console). */
    public static final String TOTAL = "total";
    public static final List<String> HOST_PHASES = List.of(PLAN, LOCK_WAIT, FORK, JVM_START, FIRST_POINT, MEASURING,
            REPORTS, TOTAL);
    /** The workers' phases, in the order they come in a run (WorkerPhase). */
    public static final List<String> WORKER_PHASES = Arrays.stream(WorkerPhase.values()).map(WorkerPhase::key).toList();

    public static final RunTiming NONE = new RunTiming(Map.of(), Map.of());

    public RunTiming {
        host = ordered(host, HOST_PHASES);
        workers = ordered(workers, WORKER_PHASES);
    }

    public boolean isEmpty() {
        return host.isEmpty() && workers.isEmpty();
    }

    /** This timing with the host's {@code phase} set to {@code seconds}. */
    public RunTiming withHost(String phase, double seconds) {
        Map<String, Double> more = new LinkedHashMap<>(host);
        more.put(phase, seconds);
        return new RunTiming(more, workers);
    }

    /** The entries of {@code phases} in the order of {@code order}; an unknown name is refused. */
    private static Map<String, Double> ordered(Map<String, Double> phases, List<String> order) {
        for (String name : phases.keySet()) {
            if (!order.contains(name)) {
                throw new IllegalArgumentException("unknown phase '" + name + "'; known: " + String.join(", ", order));
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        for (String name : order) {
            if (phases.containsKey(name)) {
                sorted.put(name, phases.get(name));
            }
        }
        return Collections.unmodifiableMap(sorted);
    }
}

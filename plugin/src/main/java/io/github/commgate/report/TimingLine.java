package io.github.commgate.report;

import io.github.commgate.comm.WorkerPhase;
import io.github.commgate.result.RunTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's timing in one console line, in the order the time is spent: the start-up (plan, lock,
 * JVMs, the workers' libraries, CUDA, NCCL, communicator set-up, machine facts), the points
 * (inputs, graphs, warm-up, timed, checks, waiting for peers), then teardown, reports and the
 * total. Phases that took no time here (no lock to wait for, no NCCL on the cpu backend) are left
 * out. The workers' figures are each the slowest rank's.
 */
public final class TimingLine {

    private static final List<WorkerPhase> START_UP = List.of(WorkerPhase.LIBRARIES, WorkerPhase.DEVICE, WorkerPhase.NCCL,
            WorkerPhase.SETUP, WorkerPhase.FACTS);
    private static final List<WorkerPhase> POINTS = List.of(WorkerPhase.INPUTS, WorkerPhase.GRAPHS, WorkerPhase.WARMUP,
            WorkerPhase.TIMED, WorkerPhase.CHECKS, WorkerPhase.WAITING);

    private TimingLine() {
    }

    /**
     * "timing: start-up 1.23 s (plan 0.05 s, JVMs 0.41 s, libraries 0.30 s, CUDA 0.20 s, NCCL
     * 0.20 s); points: inputs 0.10 s, graphs 0.10 s, timed 0.20 s, checks 0.05 s; teardown 0.02 s,
     * reports 0.10 s; total 2.30 s".
     */
    public static String of(RunTiming timing) {
        Map<String, Double> host = timing.host();
        Map<String, Double> workers = timing.workers();
        List<String> startUp = new ArrayList<>();
        add(startUp, "plan", host.get(RunTiming.PLAN));
        add(startUp, "lock", host.get(RunTiming.LOCK_WAIT));
        add(startUp, "JVMs", host.containsKey(RunTiming.JVM_START) ? host.get(RunTiming.JVM_START) : host.get(RunTiming.FORK));
        START_UP.forEach(phase -> add(startUp, phase.label(), workers.get(phase.key())));
        List<String> points = new ArrayList<>();
        POINTS.forEach(phase -> add(points, phase.label(), workers.get(phase.key())));
        List<String> end = new ArrayList<>();
        add(end, WorkerPhase.TEARDOWN.label(), workers.get(WorkerPhase.TEARDOWN.key()));
        add(end, "reports", host.get(RunTiming.REPORTS));
        List<String> parts = new ArrayList<>();
        Double firstPoint = host.get(RunTiming.FIRST_POINT);
        if (firstPoint != null || !startUp.isEmpty()) {
            String list = startUp.isEmpty() ? "" : String.join(", ", startUp);
            parts.add(firstPoint == null ? "start-up " + list
                    : "start-up " + seconds(firstPoint) + (list.isEmpty() ? "" : " (" + list + ")"));
        }
        if (!points.isEmpty()) {
            parts.add("points: " + String.join(", ", points));
        }
        if (!end.isEmpty()) {
            parts.add(String.join(", ", end));
        }
        Double total = host.get(RunTiming.TOTAL);
        if (total != null) {
            parts.add("total " + seconds(total));
        }
        return "timing: " + (parts.isEmpty() ? "not measured" : String.join("; ", parts));
    }

    private static void add(List<String> parts, String label, Double value) {
        if (value != null && value >= 0.005) {
            parts.add(label + " " + seconds(value));
        }
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }
}

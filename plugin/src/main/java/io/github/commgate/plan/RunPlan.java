package io.github.commgate.plan;

import java.time.Duration;

/**
 * Every setting of a goal, validated: what to measure, how long a run may take, how the gate
 * judges, and how many runs a baseline pools. Built only by {@link PlanValidator}, so whatever a
 * goal reads from it has been checked.
 *
 * @param timeout     for one run, from forking the workers to their exit
 * @param lockTimeout how long to wait for another run measuring on the same devices, before the timeout starts
 * @param recordRuns independent runs update-baseline pools
 * @param history    where the run is appended for its trend
 * @param launch     what starts the workers, and where they find the coordinator
 */
public record RunPlan(BenchmarkPlan benchmark, Duration timeout, Duration lockTimeout, GatePolicy gate, int recordRuns,
                      HistoryPolicy history, LaunchPlan launch) {
}

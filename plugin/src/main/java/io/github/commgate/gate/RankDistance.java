package io.github.commgate.gate;

import io.github.commgate.machine.MachineFacts;
import io.github.commgate.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How far apart the ranks' CPUs were in this run against when the baseline was recorded, as the
 * cpu backend measures it: the time of one shared-memory barrier between the ranks.
 *
 * <p>A virtual machine's host moves its vCPUs: on a 2-vCPU runner a barrier took about 5x as
 * long for minutes at a time, and shm-twoshot, which hands every reduced line from one core to
 * the other, ran 3-4x slower with it. The code did not change, the machine did, so a point that
 * is that much slower in such a run is not judged: it is measured again, and without a run on
 * the baseline's placement it stays NOT_COMPARABLE rather than REGRESSED.
 *
 * @param baselineNanos the barrier time recorded with the baseline
 * @param currentNanos  the barrier time of this run
 */
public record RankDistance(double baselineNanos, double currentNanos) {

    /**
     * Barrier times within this factor are the same placement. Seen on a 2-vCPU runner: the
     * near placement's times spread by 1.5x from run to run, the far one's were 4-5x them.
     */
    static final double SAME_PLACEMENT_FACTOR = 2;

    /** Empty where either side lacks the fact (the cuda backend, a baseline older than the fact). */
    static Optional<RankDistance> of(Map<String, String> baseline, Map<String, String> current) {
        double before = nanos(baseline);
        double now = nanos(current);
        return before > 0 && now > 0 ? Optional.of(new RankDistance(before, now)) : Optional.empty();
    }

    /** True when this run's ranks were much farther apart than the baseline's. */
    public boolean fartherApart() {
        return currentNanos > SAME_PLACEMENT_FACTOR * baselineNanos;
    }

    /** True when this run's ranks were much nearer than the baseline's: the baseline met a far placement. */
    public boolean nearer() {
        return baselineNanos > SAME_PLACEMENT_FACTOR * currentNanos;
    }

    /**
     * True when the ranks were much nearer and the point is much faster than its baseline, both by
     * more than {@link #SAME_PLACEMENT_FACTOR}: the far placement's slowdown undone, not the code's speed-up.
     */
    boolean explainsFaster(PointVerdict verdict) {
        return nearer() && SAME_PLACEMENT_FACTOR * verdict.currentMedianMicros() < verdict.baselineMedianMicros();
    }

    /**
     * True when the ranks were much farther apart and the point is much slower than its baseline,
     * both by more than {@link #SAME_PLACEMENT_FACTOR}: the 3-4x of shm-twoshot on distant cores.
     * A smaller slowdown is judged as ever, since moving the cores barely changes an algorithm
     * whose data stays put (shm-oneshot measured the same), so a 15 % regression still fails.
     */
    boolean explains(PointVerdict verdict) {
        return fartherApart() && verdict.currentMedianMicros() > SAME_PLACEMENT_FACTOR * verdict.baselineMedianMicros();
    }

    /** "a shared-memory barrier between the ranks took 171 ns, 4.9x the 35 ns of the baseline". */
    public String sentence() {
        return String.format(Locale.ROOT, "a shared-memory barrier between the ranks took %.0f ns, %.1fx the %.0f ns"
                + " of the baseline", currentNanos, currentNanos / baselineNanos, baselineNanos);
    }

    /**
     * The runs made on the nearest placement among them: barrier times within
     * {@link #SAME_PLACEMENT_FACTOR} of the smallest, in their order; all of them where no run has
     * the fact. A baseline pooled across placements would be slow for one and fast for the other.
     */
    public static List<RunResult> nearestPlacement(List<RunResult> runs) {
        double nearest = runs.stream().mapToDouble(r -> nanos(r.environment())).filter(n -> n > 0).min()
                .orElse(Double.NaN);
        return runs.stream().filter(r -> !(nanos(r.environment()) > SAME_PLACEMENT_FACTOR * nearest)).toList();
    }

    private static double nanos(Map<String, String> environment) {
        return MachineFacts.number(environment, MachineFacts.SHM_BARRIER_NS).orElse(Double.NaN);
    }
}

package io.github.commgate.gate;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineParameters;
import io.github.commgate.baseline.BaselinePoint;
import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.PooledRuns;
import io.github.commgate.result.RunResult;
import io.github.commgate.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records runs into the baseline of its environment: their trials pooled, and each run's median
 * kept, since how far runs move apart sets a point's limit. Points of communicators that were not
 * selected, and points these runs did not measure, keep their old numbers and reasons: a
 * baseline only changes where someone measured. A point that got slower beyond its limit is
 * refused unless the user gives a reason, which is then kept with that point for as long as its
 * slower numbers stand, so a baseline is never loosened silently and two updates of different
 * points keep both their reasons.
 */
public final class BaselineUpdate {

    /** The new baseline, and what changed in words, in the run's order. */
    public record Result(Baseline baseline, List<String> changes) {

        public Result {
            changes = List.copyOf(changes);
        }
    }

    private record PointKey(String communicator, int sequenceLength) {
    }

    private final Thresholds thresholds;
    private final Set<String> communicators;
    private final String reason;

    /**
     * @param communicators the communicators to record; empty for all that the run measured
     * @param reason        why points may get slower; null or blank for none
     */
    public BaselineUpdate(Thresholds thresholds, Set<String> communicators, String reason) {
        this.thresholds = thresholds;
        this.communicators = Set.copyOf(communicators);
        this.reason = reason == null || reason.isBlank() ? null : reason.trim();
    }

    /** @param runs independent runs of one plan, pooled into the baseline; their first run's environment is recorded */
    public Result apply(Optional<Baseline> previous, List<RunResult> runs, Provenance provenance) throws BaselineUpdateException {
        RunResult run = PooledRuns.pool(runs);
        Limits limits = new Limits(thresholds, run.plan().backend(), run.plan().protocol());
        EnvironmentKey key = EnvironmentKey.of(run);
        checkSameEnvironment(previous, key);
        checkSelection(run);
        Map<PointKey, BaselinePoint> points = new LinkedHashMap<>();
        previous.ifPresent(b -> b.points().forEach(p -> points.put(new PointKey(p.communicator(), p.sequenceLength()), p)));
        List<String> changes = new ArrayList<>();
        List<String> loosened = new ArrayList<>();
        for (PointResult point : run.points()) {
            if (selected(point.communicator())) {
                record(point, runMedians(runs, point), limits, points, changes, loosened);
            }
        }
        keptUnmeasured(previous, run, changes);
        if (!loosened.isEmpty() && reason == null) {
            throw new BaselineUpdateException("refusing to make the baseline slower beyond the threshold without a reason;"
                    + " give one to record these points:", loosened);
        }
        if (points.isEmpty()) {
            throw new BaselineUpdateException("nothing to record: no point of this run was measured correctly", changes);
        }
        return new Result(baseline(key, run, provenance, List.copyOf(points.values())), changes);
    }

    private void record(PointResult point, List<Double> runMedians, Limits limits, Map<PointKey, BaselinePoint> points,
                        List<String> changes, List<String> loosened) {
        PointKey key = new PointKey(point.communicator(), point.sequenceLength());
        BaselinePoint old = points.get(key);
        String label = Figures.label(point.communicator(), point.bytes());
        Optional<String> unusable = unusable(point);
        if (unusable.isPresent()) {
            changes.add(old == null ? label + ": not recorded (" + unusable.get() + ")"
                    : label + ": kept " + Figures.micros(old.medianMicros()) + " us (" + unusable.get() + ")");
            return;
        }
        BaselinePoint fresh = measured(point, runMedians);
        points.put(key, fresh);
        if (old == null) {
            changes.add(label + ": added at " + Figures.micros(fresh.medianMicros()) + " us");
            return;
        }
        String change = label + ": " + Figures.micros(old.medianMicros()) + " us -> " + Figures.micros(fresh.medianMicros())
                + " us (" + Figures.signedPercent((fresh.medianMicros() / old.medianMicros() - 1) * 100) + " %)";
        changes.add(change);
        double limit = limits.of(old).upperMicros();
        if (fresh.medianMicros() > limit) {
            loosened.add(change + ", over the limit of " + Figures.microsDown(limit) + " us");
            points.put(key, fresh.withReason(reason));
        }
    }

    /** Why a point's numbers must not enter a baseline: a wrong result or a skip says nothing about speed. */
    private static Optional<String> unusable(PointResult point) {
        if (point.status() == PointStatus.SKIPPED) {
            return Optional.of("skipped in this run: " + point.skipReason());
        }
        if (point.status() == PointStatus.INCORRECT) {
            return Optional.of("this run's result was incorrect");
        }
        double[] samples = point.samplesMicros();
        if (samples.length == 0 || Arrays.stream(samples).anyMatch(s -> !Double.isFinite(s) || s < 0)) {
            return Optional.of("this run has no usable samples");
        }
        return Optional.empty();
    }

    /**
     * Samples are kept to the nanosecond: finer digits are below any timer's resolution and would
     * only make the diff of an update longer.
     */
    private static BaselinePoint measured(PointResult point, List<Double> runMedians) {
        List<Double> samples = Arrays.stream(point.samplesMicros()).map(BaselineUpdate::nanosecond).boxed().toList();
        double median = nanosecond(Statistics.median(samples.stream().mapToDouble(Double::doubleValue).toArray()));
        return new BaselinePoint(point.communicator(), point.sequenceLength(), point.bytes(), median, samples,
                runMedians.stream().map(BaselineUpdate::nanosecond).toList(), null);
    }

    /** The point's median in each run that measured it correctly, in the runs' order. */
    private static List<Double> runMedians(List<RunResult> runs, PointResult point) {
        return runs.stream().map(r -> r.point(point.communicator(), point.sequenceLength())).flatMap(Optional::stream)
                .filter(p -> p.status() == PointStatus.MEASURED && p.samplesMicros().length > 0)
                .map(PointResult::medianMicros).toList();
    }

    private static double nanosecond(double micros) {
        return Math.round(micros * 1000.0) / 1000.0;
    }

    private void keptUnmeasured(Optional<Baseline> previous, RunResult run, List<String> changes) {
        previous.ifPresent(b -> b.points().stream()
                .filter(p -> selected(p.communicator()) && run.point(p.communicator(), p.sequenceLength()).isEmpty())
                .forEach(p -> changes.add(p.label() + ": kept " + Figures.micros(p.medianMicros())
                        + " us (not measured in this run)")));
    }

    private Baseline baseline(EnvironmentKey key, RunResult run, Provenance provenance, List<BaselinePoint> points) {
        Map<String, String> environment = new TreeMap<>(run.environment());
        String host = Optional.ofNullable(environment.remove(MachineFacts.HOST)).orElse("unknown");
        BaselineParameters parameters = new BaselineParameters(run.plan().protocol(),
                List.copyOf(new TreeSet<>(points.stream().map(BaselinePoint::sequenceLength).toList())),
                List.copyOf(new TreeSet<>(points.stream().map(BaselinePoint::communicator).toList())));
        return new Baseline(key, environment, host, provenance, parameters, null, points);
    }

    private boolean selected(String communicator) {
        return communicators.isEmpty() || communicators.contains(communicator);
    }

    private static void checkSameEnvironment(Optional<Baseline> previous, EnvironmentKey key) throws BaselineUpdateException {
        if (previous.isPresent() && !previous.get().key().equals(key)) {
            throw new BaselineUpdateException("the existing baseline was recorded on " + previous.get().key().describe()
                    + ", this run is " + key.describe() + "; move that file away to record a new baseline", List.of());
        }
    }

    private void checkSelection(RunResult run) throws BaselineUpdateException {
        List<String> unknown = communicators.stream().sorted()
                .filter(c -> !run.plan().communicators().contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new BaselineUpdateException(String.format("cannot update %s: not measured in this run; measured: %s",
                    String.join(", ", unknown), String.join(", ", run.plan().communicators())), List.of());
        }
    }
}

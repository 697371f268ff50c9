package io.github.commgate.history;

import io.github.commgate.result.Units;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One (communicator, size) point over the runs of a trend, with its level steps and whether it
 * is creeping up.
 *
 * @param points every run that has the point, oldest first, including runs that skipped it
 */
public record TrendSeries(String communicator, int sequenceLength, long bytes, List<TrendPoint> points,
                          List<LevelStep> steps, Optional<Creep> creep) {

    public TrendSeries {
        points = List.copyOf(points);
        steps = List.copyOf(steps);
    }

    static TrendSeries of(String communicator, int sequenceLength, long bytes, List<TrendPoint> points) {
        List<TrendPoint> measured = points.stream().filter(p -> Double.isFinite(p.medianMicros()) && p.medianMicros() > 0).toList();
        List<LevelStep> steps = LevelStep.find(measured);
        return new TrendSeries(communicator, sequenceLength, bytes, points, steps, Creep.find(measured, steps));
    }

    /** "shm-oneshot 2 MiB", as the gate's sentences name a point. */
    public String label() {
        return Units.pointLabel(communicator, bytes);
    }

    /** The runs with a median, which the chart draws and the rules read. */
    public List<TrendPoint> measured() {
        return points.stream().filter(p -> Double.isFinite(p.medianMicros()) && p.medianMicros() > 0).toList();
    }

    /** "shm-oneshot 2 MiB: creeping up, +6.1 % over the last 8 runs (40.1 us to 42.6 us), within a limit of +10.0 %". */
    public Optional<String> creepSentence() {
        return creep.map(c -> String.format(Locale.ROOT,
                "%s: creeping up, %+.1f %% over the last %d runs (%s to %s on the Theil-Sen line); its limit allows %+.1f %%",
                label(), c.risePercent(), c.runs(), Units.micros(c.fromMicros()), Units.micros(c.toMicros()), c.allowedPercent()));
    }

    /** "shm-oneshot 2 MiB: the level stepped +14.2 % with the run of 2026-11-24 06:00 UTC (commit 0123abc)". */
    public List<String> stepSentences() {
        return steps.stream().map(s -> String.format(Locale.ROOT, "%s: the level stepped %+.1f %% with the run of %s%s",
                label(), s.percent(), Timestamps.readable(s.at().record().startedAt()),
                s.at().record().origin().revision().transform(r -> r.isEmpty() ? "" : " (" + r + ")"))).toList();
    }
}

package io.github.commgate.history;

import io.github.commgate.stats.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * A run from which a point's median stayed at another level: the change-point rule of the
 * trend charts. Run i starts a new level when each of the {@value #RUNS} runs from i on differs,
 * in the same direction, by more than the point's allowed change from the median of the
 * {@value #RUNS} runs before i. One outlier never makes a step, nor does noise within the
 * limit; a step shows once {@value #RUNS} runs stand on the new level. The next step is looked
 * for after those runs, against the new level, so one change is marked once.
 *
 * @param at      the first point of the new level
 * @param percent the median of the new level's first runs against that of the runs before, in percent
 */
public record LevelStep(TrendPoint at, double percent) {

    /** Runs on each side of a step; 3 keeps a single noisy run from ever making one. */
    public static final int RUNS = 3;
    /** The allowed change of a point without a baseline in the run: the gate's fixed rule. */
    static final double DEFAULT_ALLOWED_PERCENT = 10.0;

    /** @param points one point's runs with a median, oldest first */
    static List<LevelStep> find(List<TrendPoint> points) {
        List<LevelStep> steps = new ArrayList<>();
        int i = RUNS;
        while (i + RUNS <= points.size()) {
            double before = median(points.subList(i - RUNS, i));
            double allowed = points.get(i).allowedPercentOr(DEFAULT_ALLOWED_PERCENT) / 100;
            List<TrendPoint> after = points.subList(i, i + RUNS);
            boolean up = after.stream().allMatch(p -> p.medianMicros() > before * (1 + allowed));
            boolean down = after.stream().allMatch(p -> p.medianMicros() < before * (1 - allowed));
            if (up || down) {
                steps.add(new LevelStep(points.get(i), (median(after) / before - 1) * 100));
                i += RUNS;
            } else {
                i++;
            }
        }
        return steps;
    }

    private static double median(List<TrendPoint> points) {
        return Statistics.median(points.stream().mapToDouble(TrendPoint::medianMicros).toArray());
    }
}

package io.github.commgate.history;

import io.github.commgate.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A point creeping up: getting slower run by run in steps too small for the gate to fail any.
 * Over its last {@value #MIN_RUNS} to {@value #MAX_RUNS} runs since its last level step, the
 * Theil-Sen line through the medians (the median of the slopes between every two runs, which one
 * outlying run cannot tilt) rises by at least half of the change the point's limit allows, and
 * its latest run did not regress (a regression is reported as one).
 *
 * @param runs           the runs the line was drawn through
 * @param fromMicros     the line's value at the first of them
 * @param toMicros       the line's value at the latest
 * @param allowedPercent the change the latest run's limit allows
 */
public record Creep(int runs, double fromMicros, double toMicros, double allowedPercent) {

    static final int MIN_RUNS = 5;
    static final int MAX_RUNS = 10;

    public double risePercent() {
        return (toMicros / fromMicros - 1) * 100;
    }

    /** @param points one point's runs with a median, oldest first; {@code steps} their level steps */
    static Optional<Creep> find(List<TrendPoint> points, List<LevelStep> steps) {
        int since = steps.isEmpty() ? 0 : points.indexOf(steps.get(steps.size() - 1).at());
        List<TrendPoint> window = points.subList(Math.max(since, points.size() - MAX_RUNS), points.size());
        if (window.size() < MIN_RUNS || window.get(window.size() - 1).point().failed()) {
            return Optional.empty();
        }
        double slope = theilSenSlope(window);
        double[] intercepts = new double[window.size()];
        for (int i = 0; i < window.size(); i++) {
            intercepts[i] = window.get(i).medianMicros() - slope * i;
        }
        double from = Statistics.median(intercepts);
        double to = from + slope * (window.size() - 1);
        double allowed = window.get(window.size() - 1).allowedPercentOr(LevelStep.DEFAULT_ALLOWED_PERCENT);
        Creep creep = new Creep(window.size(), from, to, allowed);
        return from > 0 && creep.risePercent() >= allowed / 2 ? Optional.of(creep) : Optional.empty();
    }

    private static double theilSenSlope(List<TrendPoint> window) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            for (int j = i + 1; j < window.size(); j++) {
                slopes.add((window.get(j).medianMicros() - window.get(i).medianMicros()) / (j - i));
            }
        }
        return Statistics.median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

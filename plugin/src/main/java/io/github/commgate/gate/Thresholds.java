package io.github.commgate.gate;

import io.github.commgate.plan.InvalidSettingsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How much slower a point may get before it fails, and how sure the gate must be.
 *
 * @param defaultPercent        allowed slowdown of the median, in percent of the baseline's
 * @param percentByCommunicator overrides of defaultPercent, by communicator name
 * @param floorMicros           a slowdown smaller than this never fails, whatever its percentage:
 *                              at a few microseconds, 10 % is below what event timers and
 *                              launch jitter resolve, and such noise must not fail a build
 * @param alpha                 the significance level of the Mann-Whitney test, one-sided
 */
public record Thresholds(double defaultPercent, Map<String, Double> percentByCommunicator,
                         double floorMicros, double alpha) {

    /** The common choice of CodSpeed and asv (factor 1.1), and the slowdown DESIGN.md's users care about. */
    public static final double DEFAULT_PERCENT = 10.0;
    public static final double DEFAULT_FLOOR_MICROS = 1.0;
    /**
     * Stricter than benchstat's 0.05, for two reasons. A build checks dozens of points (7
     * communicators x 6 sizes), so at 0.05 every few builds would carry a chance-significant
     * point. And the test treats trials of one run as independent, while real noise also drifts
     * between runs (mui-public #1712), so its p-values are optimistic; asv uses 0.002 for the
     * same reason. With the default 50 trials a 10 % shift still gives p far below 0.01, so the
     * stricter level costs no power where the threshold matters.
     */
    public static final double DEFAULT_ALPHA = 0.01;

    public Thresholds {
        percentByCommunicator = percentByCommunicator == null ? Map.of() : percentByCommunicator;
        List<String> problems = problems(defaultPercent, percentByCommunicator, floorMicros, alpha);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        percentByCommunicator = Map.copyOf(percentByCommunicator);
    }

    public static Thresholds defaults() {
        return new Thresholds(DEFAULT_PERCENT, Map.of(), DEFAULT_FLOOR_MICROS, DEFAULT_ALPHA);
    }

    /** Checks user settings, with one line per problem, before building the thresholds. */
    public static Thresholds of(double defaultPercent, Map<String, Double> percentByCommunicator,
                                double floorMicros, double alpha) throws InvalidSettingsException {
        percentByCommunicator = percentByCommunicator == null ? Map.of() : percentByCommunicator;
        List<String> problems = problems(defaultPercent, percentByCommunicator, floorMicros, alpha);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new Thresholds(defaultPercent, percentByCommunicator, floorMicros, alpha);
    }

    public double percentFor(String communicator) {
        return percentByCommunicator.getOrDefault(communicator, defaultPercent);
    }

    /** The slowest median that still passes: both the percentage and the floor must be exceeded to fail. */
    public double upperLimit(String communicator, double baselineMicros) {
        return Math.max(baselineMicros * (1 + percentFor(communicator) / 100), baselineMicros + floorMicros);
    }

    /** The mirror of {@link #upperLimit}: a median below it is an improvement worth recording. */
    public double lowerLimit(String communicator, double baselineMicros) {
        return Math.min(baselineMicros * (1 - percentFor(communicator) / 100), baselineMicros - floorMicros);
    }

    /** True when the floor, not the percentage, sets the limit, so a message names the floor. */
    public boolean floorBinds(String communicator, double baselineMicros) {
        return baselineMicros + floorMicros > baselineMicros * (1 + percentFor(communicator) / 100);
    }

    private static List<String> problems(double defaultPercent, Map<String, Double> overrides,
                                         double floorMicros, double alpha) {
        List<String> problems = new ArrayList<>();
        percent("threshold", defaultPercent, problems);
        overrides.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(override -> {
                    if (override.getKey() == null || override.getKey().isBlank()) {
                        problems.add("threshold: an override names no communicator");
                    } else {
                        percent("threshold for " + override.getKey(), override.getValue(), problems);
                    }
                });
        if (!(floorMicros >= 0)) {
            problems.add("floor: " + Figures.plain(floorMicros) + " us must be 0 or more");
        }
        if (!(alpha > 0 && alpha < 1)) {
            problems.add("alpha: " + Figures.plain(alpha) + " must be more than 0 and less than 1");
        }
        return problems;
    }

    private static void percent(String name, Double percent, List<String> problems) {
        if (percent == null) {
            problems.add(name + ": no value");
        } else if (!(percent >= 0)) {
            problems.add(name + ": " + Figures.plain(percent) + " % must be 0 or more");
        }
    }
}

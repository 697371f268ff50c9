package io.github.commgate.plan;

import java.util.Map;

/**
 * How much slower a point may get before it fails, and how sure the gate must be: the user's
 * settings, validated by {@link PlanValidator}, with the arithmetic of the limits they set.
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

    public Thresholds {
        percentByCommunicator = Map.copyOf(percentByCommunicator);
    }

    public static Thresholds defaults() {
        return new Thresholds(Defaults.THRESHOLD_PERCENT, Map.of(), Defaults.FLOOR_MICROS, Defaults.ALPHA);
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
}

package io.github.commgate.plan;

import java.util.Map;

/**
 * How much slower a point may get before it fails, and how sure the gate must be, as the user
 * set it (validated by {@link PlanValidator}). Where the user set no threshold, the gate derives
 * each point's limit from its own measured noise (gate.Limits), so NaN here means "not set".
 *
 * @param defaultPercent        allowed slowdown of the median in percent of the baseline's; NaN: from the noise
 * @param percentByCommunicator overrides of defaultPercent, by communicator name
 * @param floorMicros           a slowdown smaller than this never fails, whatever its percentage;
 *                              NaN: the timer's resolution per all-reduce
 * @param alpha                 the significance level of the Mann-Whitney test, one-sided
 */
public record Thresholds(double defaultPercent, Map<String, Double> percentByCommunicator,
                         double floorMicros, double alpha) {

    public Thresholds {
        percentByCommunicator = Map.copyOf(percentByCommunicator);
    }

    /** Nothing set: limits from the noise, the floor from the timer, alpha 0.01. */
    public static Thresholds defaults() {
        return new Thresholds(Double.NaN, Map.of(), Double.NaN, Defaults.ALPHA);
    }

    /** The user's threshold for this communicator, or NaN where they set none. */
    public double percentFor(String communicator) {
        return percentByCommunicator.getOrDefault(communicator, defaultPercent);
    }
}

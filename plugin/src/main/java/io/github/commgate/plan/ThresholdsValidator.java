package io.github.commgate.plan;

import io.github.commgate.comm.Backend;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks the gate's limits as the user wrote them, adding one line per problem to the plan's
 * list. Per-communicator thresholds may name a communicator of either backend, so one pom serves
 * a laptop and a GPU runner; a name of neither is refused, since it would be ignored silently.
 */
final class ThresholdsValidator {

    /**
     * A limit above this lets a point get more than twice as slow: a gate that loose catches
     * nothing, and such a number is more likely a typo (5000 for 5.000) than a wish.
     */
    static final double MAX_PERCENT = 100;

    private final List<String> problems;

    ThresholdsValidator(List<String> problems) {
        this.problems = problems;
    }

    Thresholds check(RunSettings s) {
        if (s.threshold != null) {
            percent("threshold", s.threshold);
        }
        Map<String, Double> byCommunicator = new LinkedHashMap<>();
        List<String> known = Stream.of(Backend.CPU, Backend.CUDA).flatMap(b -> CommunicatorCatalog.names(b).stream()).toList();
        for (Map.Entry<String, String> entry : new TreeMap<>(s.thresholds).entrySet()) {
            String name = entry.getKey() == null ? "" : entry.getKey().trim();
            if (!known.contains(name)) {
                problems.add(String.format("thresholds: '%s' names no communicator; valid: %s", name,
                        String.join(", ", new TreeSet<>(known))));
                continue;
            }
            Double value = number(entry.getValue());
            if (value == null) {
                problems.add(String.format("thresholds: '%s' for %s is not a number of percent", entry.getValue(), name));
            } else if (percent("threshold for " + name, value)) {
                byCommunicator.put(name, value);
            }
        }
        if (s.floor != null && !(s.floor >= 0)) {
            problems.add("floor: " + plain(s.floor) + " us must be 0 or more");
        }
        if (!(s.alpha > 0 && s.alpha < 1)) {
            problems.add("alpha: " + plain(s.alpha) + " must be more than 0 and less than 1");
        }
        return new Thresholds(s.threshold == null ? Double.NaN : s.threshold, byCommunicator,
                s.floor == null ? Double.NaN : s.floor, s.alpha);
    }

    /** True when {@code percent} is a usable threshold; otherwise records why not. */
    private boolean percent(String name, double percent) {
        if (!(percent >= 0)) {
            problems.add(name + ": " + plain(percent) + " % must be 0 or more");
            return false;
        }
        if (percent > MAX_PERCENT) {
            problems.add(name + ": " + plain(percent) + " % is more than " + plain(MAX_PERCENT)
                    + " %; a limit that lets a point get over twice as slow catches nothing");
            return false;
        }
        return true;
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A user's number as they wrote it: 10 rather than 10.0. */
    static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }
}

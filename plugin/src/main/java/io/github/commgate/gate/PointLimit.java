package io.github.commgate.gate;

/**
 * The slowest and fastest median a point may have before it regresses or improves, and the rule
 * that set them, so every sentence and report can say why the limit is where it is.
 *
 * @param percent           the allowed change in percent of the baseline, whichever rule set it
 * @param floorMicros       the smallest change that counts at all; binds when above the percentage
 * @param recordingRuns     how many recording runs' medians the noise rule saw
 * @param detectablePercent the smallest slowdown this point can catch: the limit, or more where
 *                          its samples are too spread for a smaller shift to be significant
 */
public record PointLimit(double baselineMicros, double upperMicros, double lowerMicros, Rule rule, double percent,
                         double floorMicros, int recordingRuns, double detectablePercent) {

    /** Where a limit comes from. */
    public enum Rule {
        /** The user's threshold, from the pom or the command line. */
        THRESHOLD,
        /** The spread between the baseline's recording runs. */
        NOISE,
        /** The cpu backend's least limit, where the spread of its recording runs is smaller. */
        CPU_LEAST,
        /** A baseline without per-run medians (an older commgate, or one recording run): 10 % and 1 us, as before. */
        FIXED
    }

    static PointLimit of(double baseline, double percent, double floor, Rule rule, int runs, double detectablePercent) {
        double upper = Math.max(baseline * (1 + percent / 100), baseline + floor);
        double lower = Math.min(baseline * (1 - percent / 100), baseline - floor);
        return new PointLimit(baseline, upper, lower, rule, percent, floor, runs, Math.max(detectablePercent,
                (upper / baseline - 1) * 100));
    }

    /** True when the floor, not the percentage, sets the limit, so a sentence names the floor. */
    public boolean floorBinds() {
        return baselineMicros + floorMicros > baselineMicros * (1 + percent / 100);
    }

    /** "baseline 677.3 us + 10 %", with what set it where that is not the user's threshold. */
    String sentence() {
        String baseline = "baseline " + Figures.micros(baselineMicros) + " us + ";
        if (floorBinds()) {
            return baseline + Figures.micros(upperMicros - baselineMicros) + " us floor";
        }
        return baseline + Figures.plain(Math.round(percent * 10) / 10.0) + " %" + switch (rule) {
            case THRESHOLD -> "";
            case NOISE -> ", from the spread of its " + recordingRuns + " recording runs";
            case CPU_LEAST -> ", the least the cpu backend allows: a shared machine moves more than its "
                    + recordingRuns + " recording runs show";
            case FIXED -> ", the fixed rule of a baseline without per-run medians";
        };
    }
}

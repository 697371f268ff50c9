package io.github.commgate.gate;

/**
 * The gate's judgement of one point, with the numbers that led to it.
 *
 * @param baselineMedianMicros NaN when there is no baseline entry to compare with
 * @param limitMicros          the slowest median that passes: the larger of baseline x (1 + threshold)
 *                             and baseline + floor; NaN without a baseline
 * @param deltaPercent         the median's change against the baseline's, in percent
 * @param pValue               the one-sided Mann-Whitney p in the direction the median moved
 * @param notSignificant       beyond the threshold but not significant at alpha: a PASS that a
 *                             report may mark "~", as benchstat does
 * @param detail               the skip reason, the mismatches joined, or what went wrong; "" otherwise
 */
public record PointVerdict(String communicator, int sequenceLength, long bytes, Verdict verdict,
                           double currentMedianMicros, double baselineMedianMicros, double limitMicros,
                           double thresholdPercent, boolean floorBinds, double deltaPercent,
                           double pValue, boolean notSignificant, String detail) {

    /** "shm-oneshot 2.00 MiB". */
    public String label() {
        return Figures.label(communicator, bytes);
    }

    public boolean isFor(String communicator, int sequenceLength) {
        return this.communicator.equals(communicator) && this.sequenceLength == sequenceLength;
    }

    /** One sentence for logs and reports; violations round toward failing. */
    public String sentence() {
        String median = "median " + Figures.micros(currentMedianMicros) + " us";
        return label() + ": " + switch (verdict) {
            case REGRESSED -> "median " + Figures.microsUp(currentMedianMicros) + " us, but expected at most "
                    + Figures.microsDown(limitMicros) + " us (" + rule() + ")";
            case PASS -> notSignificant
                    ? median + " is over " + Figures.micros(limitMicros) + " us (" + rule()
                    + "), but not significantly (" + Figures.pValue(pValue) + ")"
                    : median + ", within " + Figures.micros(limitMicros) + " us (" + rule() + ")";
            case IMPROVED -> median + ", " + Figures.percent(-deltaPercent) + " % faster than the baseline "
                    + Figures.micros(baselineMedianMicros) + " us (" + Figures.pValue(pValue) + "); update the baseline to keep the gain";
            case NO_BASELINE -> median + ", no baseline entry to compare with";
            case SKIPPED -> "skipped: " + detail;
            case INCORRECT -> "the result differed from the exact sum (" + detail + ")";
            case ERROR -> detail;
            case NOT_COMPARABLE -> median + ", not compared: " + (detail.isEmpty() ? "the baseline is from another environment"
                    : detail);
        };
    }

    /**
     * This verdict turned NOT_COMPARABLE: over its limit, but {@code why} says the measurement
     * cannot be blamed on the code. Measured again like a regression (see {@link GateOutcome#suspects()}).
     */
    PointVerdict notJudged(String why) {
        String detail = "over " + Figures.micros(limitMicros) + " us (" + rule() + "), but " + why;
        return new PointVerdict(communicator, sequenceLength, bytes, Verdict.NOT_COMPARABLE, currentMedianMicros,
                baselineMedianMicros, limitMicros, thresholdPercent, floorBinds, deltaPercent, pValue, notSignificant, detail);
    }

    /** Measured over its limit, but not judged: a suspect that another measurement may settle. */
    public boolean overLimitButNotJudged() {
        return verdict == Verdict.NOT_COMPARABLE && currentMedianMicros > limitMicros;
    }

    private String rule() {
        String baseline = "baseline " + Figures.micros(baselineMedianMicros) + " us + ";
        if (floorBinds) {
            return baseline + Figures.micros(limitMicros - baselineMedianMicros) + " us floor";
        }
        return baseline + Figures.plain(thresholdPercent) + " %";
    }

    /** "+3.7 %", or "" without a baseline: for report columns. */
    public String deltaText() {
        return Double.isNaN(deltaPercent) ? "" : Figures.signedPercent(deltaPercent) + " %";
    }
}

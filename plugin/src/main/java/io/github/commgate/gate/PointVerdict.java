package io.github.commgate.gate;

/**
 * The gate's judgement of one point, with the numbers that led to it.
 *
 * @param baselineMedianMicros NaN when there is no baseline entry to compare with
 * @param limit                the limits and the rule that set them; null without a baseline entry
 * @param deltaPercent         the median's change against the baseline's, in percent
 * @param pValue               the one-sided Mann-Whitney p in the direction the median moved
 * @param notSignificant       beyond the threshold but not significant at alpha: a PASS that a
 *                             report may mark "~", as benchstat does
 * @param detail               the skip reason, the mismatches joined, or what went wrong; "" otherwise
 */
public record PointVerdict(String communicator, int sequenceLength, long bytes, Verdict verdict,
                           double currentMedianMicros, double baselineMedianMicros, PointLimit limit,
                           double deltaPercent, double pValue, boolean notSignificant, String detail) {

    /** The slowest median that passes; NaN without a baseline. */
    public double limitMicros() {
        return limit == null ? Double.NaN : limit.upperMicros();
    }

    /** The allowed slowdown in percent, whichever rule set it; NaN without a baseline. */
    public double thresholdPercent() {
        return limit == null ? Double.NaN : limit.percent();
    }

    public boolean floorBinds() {
        return limit != null && limit.floorBinds();
    }

    /** The smallest slowdown this point could catch, in percent; NaN without a baseline. */
    public double detectablePercent() {
        return limit == null ? Double.NaN : limit.detectablePercent();
    }

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
                    + Figures.microsDown(limitMicros()) + " us (" + rule() + ")";
            case PASS -> notSignificant
                    ? median + " is over " + Figures.micros(limitMicros()) + " us (" + rule()
                    + "), but not significantly (" + Figures.pValue(pValue) + ")"
                    : median + ", within " + Figures.micros(limitMicros()) + " us (" + rule() + ")";
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
        String detail = "over " + Figures.micros(limitMicros()) + " us (" + rule() + "), but " + why;
        return new PointVerdict(communicator, sequenceLength, bytes, Verdict.NOT_COMPARABLE, currentMedianMicros,
                baselineMedianMicros, limit, deltaPercent, pValue, notSignificant, detail);
    }

    /** This IMPROVED verdict turned NOT_COMPARABLE: faster, but {@code why} says the baseline's machine was slower. */
    PointVerdict notCountedFaster(String why) {
        String detail = "faster than its limit of " + Figures.micros(limit.lowerMicros()) + " us, but " + why;
        return new PointVerdict(communicator, sequenceLength, bytes, Verdict.NOT_COMPARABLE, currentMedianMicros,
                baselineMedianMicros, limit, deltaPercent, pValue, notSignificant, detail);
    }

    /** Measured over its limit, but not judged: a suspect that another measurement may settle. */
    public boolean overLimitButNotJudged() {
        return verdict == Verdict.NOT_COMPARABLE && currentMedianMicros > limitMicros();
    }

    private String rule() {
        return limit.sentence();
    }

    /** "+2.0 %" or "+0.1 us" (where the floor binds): how far above the baseline the limit is; "" without one. */
    public String limitText() {
        if (limit == null) {
            return "";
        }
        return limit.floorBinds() ? "+" + Figures.micros(limit.upperMicros() - limit.baselineMicros()) + " us"
                : "+" + Figures.percent(limit.percent()) + " %";
    }

    /** "2.0 %": the smallest slowdown this point can catch; "" without a baseline, "none" where none is significant. */
    public String detectableText() {
        if (limit == null) {
            return "";
        }
        return Double.isFinite(limit.detectablePercent()) ? Figures.percent(limit.detectablePercent()) + " %" : "none";
    }

    /** "+3.7 %", or "" without a baseline: for report columns. */
    public String deltaText() {
        return Double.isNaN(deltaPercent) ? "" : Figures.signedPercent(deltaPercent) + " %";
    }
}

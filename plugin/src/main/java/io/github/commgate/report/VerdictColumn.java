package io.github.commgate.report;

import java.util.ArrayList;
import java.util.List;

/** A column of the verdict table that the Markdown and HTML reports share, with its heading. */
enum VerdictColumn {
    SIZE("Size", false),
    COMMUNICATOR("Communicator", false),
    BASELINE("Baseline", true),
    CURRENT("Current", true),
    /** The interquartile range of the current samples: the spread a change is weighed against. */
    IQR("IQR", true),
    DELTA("Delta", true),
    /** How far above the baseline a median may go. */
    LIMIT("Limit", true),
    /** The smallest slowdown the point can detect. */
    CATCHES("Catches", true),
    P("p", true),
    BUS_BANDWIDTH("Bus bw", true),
    OF_PEAK("% of peak", true),
    VERDICT("Verdict", false);

    final String heading;
    /** Holds numbers, to be right-aligned. */
    final boolean numeric;

    VerdictColumn(String heading, boolean numeric) {
        this.heading = heading;
        this.numeric = numeric;
    }

    /** Every column, for the HTML page; "% of peak" only where the environment tells a peak. */
    static List<VerdictColumn> all(boolean peakKnown) {
        List<VerdictColumn> columns = new ArrayList<>(List.of(values()));
        if (!peakKnown) {
            columns.remove(OF_PEAK);
        }
        return columns;
    }

    /**
     * The columns of a pull-request comment, narrow enough to read without scrolling: the
     * change, its spread and its limit; bandwidth only as a share of the peak, where there is one.
     */
    static List<VerdictColumn> compact(boolean peakKnown) {
        List<VerdictColumn> columns = new ArrayList<>(List.of(SIZE, COMMUNICATOR, BASELINE, CURRENT, IQR, DELTA, LIMIT, P));
        if (peakKnown) {
            columns.add(OF_PEAK);
        }
        columns.add(VERDICT);
        return columns;
    }
}

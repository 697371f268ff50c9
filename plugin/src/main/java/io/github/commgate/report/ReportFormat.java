package io.github.commgate.report;

/**
 * One file a run leaves behind, as JMH's {@code ResultFormat} is one output of its runs: a name
 * and a rendering of the {@link RunReport}. A new format is a class implementing this and a line
 * in {@link ReportFormats}; writing it, removing a previous run's copy and naming it in the log
 * follow from that list.
 */
public interface ReportFormat {

    /** The file's name in the reports directory, for example {@code report.md}. */
    String fileName();

    /** The file's whole text. Renders any value a run can hold; never throws for data. */
    String render(RunReport report);
}

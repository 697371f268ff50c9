package io.github.commgate.report;

import java.util.List;
import java.util.stream.Collectors;

/** Every report format, and which goal writes which: the one list that writing, clearing and logging read. */
public final class ReportFormats {

    /** The run with the gate's judgement: everything, machine-readable. */
    public static final ReportFormat RESULTS_JSON = new GateJson();
    /** A summary for a job summary or a pull-request comment. */
    public static final ReportFormat MARKDOWN = new GateMarkdown();
    /** One test case per point, for CI test reporters. */
    public static final ReportFormat JUNIT_XML = new GateJUnitXml();
    /** A self-contained page with a latency chart. */
    public static final ReportFormat HTML = new GateHtml();
    /** The benchmark goal's JSON, with vLLM's keys. */
    public static final ReportFormat BENCHMARK_JSON = new BenchmarkJson();

    /** What the check goal writes, in this order. */
    public static final List<ReportFormat> CHECK = List.of(RESULTS_JSON, MARKDOWN, JUNIT_XML, HTML);

    private ReportFormats() {
    }

    /** "results.json, report.md": the files, as a log line names them. */
    public static String fileNames(List<ReportFormat> formats) {
        return formats.stream().map(ReportFormat::fileName).collect(Collectors.joining(", "));
    }
}

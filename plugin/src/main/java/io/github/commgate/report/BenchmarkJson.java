package io.github.commgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** benchmark.json, the benchmark goal's file: the run as {@link ResultsJson} builds it, nothing judged. */
final class BenchmarkJson implements ReportFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String fileName() {
        return "benchmark.json";
    }

    /** Without a final newline, as this file has always been written. */
    @Override
    public String render(RunReport report) {
        try {
            return JSON.writeValueAsString(ResultsJson.toJson(report.run(), report.toolVersion()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serialises
        }
    }
}

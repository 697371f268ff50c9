package io.github.commgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.InvalidSettingsException;
import io.github.commgate.plan.PlanJson;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.RunTiming;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run back from the JSON that {@link ResultsJson} wrote (results.json or benchmark.json),
 * so update-baseline can record the last run instead of measuring again. Every problem is one
 * line naming the file.
 */
public final class ResultsJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private ResultsJsonReader(Path file) {
        this.file = file;
    }

    public static RunResult read(Path file) throws UnreadableResultsException {
        return new ResultsJsonReader(file).read();
    }

    private RunResult read() throws UnreadableResultsException {
        JsonNode root = parse();
        int format = root.path("format").asInt(-1);
        if (format != ResultsJson.FORMAT) {
            throw problem(String.format("format %s is not supported; this commgate reads format %d (the file says it was written by %s)",
                    root.path("format").isMissingNode() ? "(none)" : root.path("format").asText(), ResultsJson.FORMAT,
                    root.path("tool").asText("an unknown tool")));
        }
        BenchmarkPlan plan;
        try {
            plan = PlanJson.read(root);
        } catch (InvalidSettingsException e) {
            throw problem(e.getMessage());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        root.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        List<PointResult> points = new ArrayList<>();
        for (JsonNode point : root.path("points")) {
            points.add(point(point, plan));
        }
        return new RunResult(plan, environment, Instant.parse(text(root, "started_at")),
                root.path("rendezvous_seconds").asDouble(), root.path("total_seconds").asDouble(), points, timing(root));
    }

    /** The phases this commgate knows; a file without them (older) or a phase it does not know (newer) reads as less. */
    private static RunTiming timing(JsonNode root) {
        JsonNode timing = root.path("timing");
        return new RunTiming(phases(timing.path(ResultsJson.HOST_SECONDS), RunTiming.HOST_PHASES),
                phases(timing.path(ResultsJson.WORKER_SECONDS), RunTiming.WORKER_PHASES));
    }

    private static Map<String, Double> phases(JsonNode node, List<String> known) {
        Map<String, Double> phases = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (known.contains(e.getKey()) && e.getValue().isNumber()) {
                phases.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return phases;
    }

    private PointResult point(JsonNode node, BenchmarkPlan plan) throws UnreadableResultsException {
        PointStatus status;
        try {
            status = PointStatus.valueOf(text(node, "status"));
        } catch (IllegalArgumentException e) {
            throw problem("unknown point status '" + text(node, "status") + "'");
        }
        List<double[]> ranks = new ArrayList<>();
        for (JsonNode rank : node.path("rank_samples_us")) {
            double[] samples = new double[rank.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = rank.get(i).asDouble();
            }
            ranks.add(samples);
        }
        return new PointResult(text(node, "communicator"), number(node, "sequence_length"), plan.hiddenSize(),
                node.path("bytes").asLong(), plan.worldSize(), status, node.path("skip_reason").asText(""),
                ranks.toArray(new double[0][]), strings(node.path("mismatches")), node.path("host_us").asDouble(Double.NaN),
                node.path("wall_seconds").asDouble(Double.NaN));
    }

    private JsonNode parse() throws UnreadableResultsException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw problem(String.format("line %d, column %d: %s", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(), e.getOriginalMessage()));
        } catch (IOException e) {
            throw problem("cannot be read: " + e.getMessage());
        }
    }

    private String text(JsonNode node, String field) throws UnreadableResultsException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw problem("expected text for '" + field + "'");
        }
        return value.asText();
    }

    private int number(JsonNode node, String field) throws UnreadableResultsException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw problem("expected a whole number for '" + field + "'");
        }
        return value.asInt();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private UnreadableResultsException problem(String what) {
        return new UnreadableResultsException("results " + file + ": " + what);
    }
}

package io.github.commgate.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link HistoryRecord} as one line of JSON (JSON Lines), keys in a fixed order. A number
 * that does not exist (no baseline, a skipped point) and a text that is not known are left
 * out rather than written as null, which keeps a line short; the reader takes either.
 */
public final class HistoryJson {

    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryJson() {
    }

    /** The record as one line, without the line break. */
    public static String line(HistoryRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("started_at", record.startedAt().toString());
        root.put("tool", record.tool());
        text(root, "project", record.origin().project().isEmpty() ? null : record.origin().project());
        text(root, "git_commit", record.origin().gitCommit());
        text(root, "git_branch", record.origin().gitBranch());
        root.put("environment", record.environment());
        root.put("environment_description", record.environmentDescription());
        root.put("decision", record.decision());
        var points = root.putArray("points");
        for (HistoryPoint p : record.points()) {
            ObjectNode point = points.addObject();
            point.put("communicator", p.communicator());
            point.put("sequence_length", p.sequenceLength());
            point.put("bytes", p.bytes());
            text(point, "verdict", p.verdict());
            number(point, "median_us", p.medianMicros());
            number(point, "iqr_us", p.iqrMicros());
            number(point, "baseline_us", p.baselineMicros());
            number(point, "limit_us", p.limitMicros());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serialises
        }
    }

    /**
     * Reads one line back.
     *
     * @throws IllegalArgumentException with a message that names the field and what is wrong with it
     */
    public static HistoryRecord parse(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("format " + root.path("format").asText("(none)") + " is not supported; this commgate reads "
                    + FORMAT);
        }
        Instant startedAt;
        try {
            startedAt = Instant.parse(required(root, "started_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("started_at: '" + root.get("started_at").asText() + "' is not an instant");
        }
        List<HistoryPoint> points = new ArrayList<>();
        for (JsonNode p : root.path("points")) {
            points.add(new HistoryPoint(required(p, "communicator"), p.path("sequence_length").asInt(),
                    p.path("bytes").asLong(), optional(p, "verdict"), number(p, "median_us"), number(p, "iqr_us"),
                    number(p, "baseline_us"), number(p, "limit_us")));
        }
        RunOrigin origin = new RunOrigin(optional(root, "project"), optional(root, "git_commit"), optional(root, "git_branch"));
        return new HistoryRecord(startedAt, root.path("tool").asText("commgate"), origin, required(root, "environment"),
                root.path("environment_description").asText(""), required(root, "decision"), points);
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("expected text for '" + field + "'");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
    }
}

package io.github.commgate.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.plan.PlanJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the text of a baseline file into a {@link Baseline}, or into one line that names the
 * file, the place and the field. Unknown fields are ignored, so a later commgate may add some
 * without a new format number; anything this version relies on is checked.
 */
final class BaselineReader {

    private final String file;
    private final LocatedJson json;
    private final JsonFields fields;

    private BaselineReader(String file, LocatedJson json) {
        this.file = file;
        this.json = json;
        this.fields = new JsonFields(this::problem);
    }

    static Baseline read(String file, String text) throws BaselineException {
        if (text.isBlank()) {
            throw new BaselineException("baseline " + file + ": the file is empty");
        }
        try {
            return new BaselineReader(file, LocatedJson.parse(text)).baseline();
        } catch (JsonProcessingException e) {
            throw new BaselineException(at(file, e.getLocation()) + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new BaselineException("baseline " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Baseline baseline() throws BaselineException {
        JsonNode root = json.root();
        if (!root.isObject()) {
            throw problem("", "expected an object at the top level");
        }
        int format = fields.wholeNumber(root, "", "format");
        if (format < 1 || format > Baseline.FORMAT) {
            throw new BaselineException(String.format("baseline %s: format %d is not supported; this commgate reads formats 1 and %d",
                    file, format, Baseline.FORMAT));
        }
        EnvironmentKey key = key(fields.object(root, "", "key"), "/key");
        Provenance provenance = new Provenance(fields.text(root, "", "tool_version"),
                instant(root, "recorded_at"), fields.optionalText(root, "", "git_commit"));
        String host = fields.text(root, "", "host");
        String reason = fields.optionalText(root, "", "reason");
        Map<String, String> environment = environment(fields.object(root, "", "environment"), "/environment");
        BaselineParameters parameters = parameters(fields.object(root, "", "parameters"), "/parameters");
        List<BaselinePoint> points = points(fields.array(root, "", "points"), "/points");
        return new Baseline(key, environment, host, provenance, parameters, reason, points);
    }

    private EnvironmentKey key(JsonNode node, String path) throws BaselineException {
        String backend = fields.text(node, path, "backend");
        if (Backend.parse(backend).filter(b -> b != Backend.AUTO).isEmpty()) {
            throw problem(path + "/backend", "unknown backend '" + backend + "' in 'backend'; valid: cpu, cuda");
        }
        String dtype = fields.text(node, path, "dtype");
        if (DType.parse(dtype).isEmpty()) {
            throw problem(path + "/dtype", "unknown dtype '" + dtype + "' in 'dtype'; valid: " + DType.labels());
        }
        int worldSize = fields.atLeast(node, path, "world_size", 1);
        // Baselines written before engines hold no placement: every rank ran on one node.
        int nodes = node.has("nodes") ? fields.atLeast(node, path, "nodes", 1) : 1;
        int ranksPerNode = node.has("ranks_per_node") ? fields.atLeast(node, path, "ranks_per_node", 1) : worldSize;
        return new EnvironmentKey(backend, fields.text(node, path, "device"),
                fields.atLeast(node, path, "device_count", 0), worldSize, dtype,
                fields.atLeast(node, path, "hidden_size", 1), nodes, ranksPerNode, rotatingBufferBytes(node, path));
    }

    /** Written since the cache-cold mode exists; an older file measured with one buffer. */
    private long rotatingBufferBytes(JsonNode node, String path) throws BaselineException {
        return node.has(PlanJson.ROTATING_BUFFER_SIZE) ? fields.longAtLeast(node, path, PlanJson.ROTATING_BUFFER_SIZE, 0) : 0;
    }

    private Instant instant(JsonNode root, String name) throws BaselineException {
        String text = fields.text(root, "", name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem("/" + name, String.format("'%s' is '%s'; expected an instant such as 2026-11-24T06:00:00Z", name, text));
        }
    }

    private Map<String, String> environment(JsonNode node, String path) throws BaselineException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            environment.put(entry.getKey(), fields.text(node, path, entry.getKey()));
        }
        return environment;
    }

    private BaselineParameters parameters(JsonNode node, String path) throws BaselineException {
        List<Integer> sequenceLengths = new ArrayList<>();
        JsonNode lengths = fields.array(node, path, PlanJson.SEQUENCE_LENGTHS);
        for (int i = 0; i < lengths.size(); i++) {
            sequenceLengths.add(fields.element(lengths, path + "/sequence_lengths", i, "sequence_lengths"));
        }
        List<String> communicators = new ArrayList<>();
        JsonNode names = fields.array(node, path, "communicators");
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isTextual()) {
                throw problem(path + "/communicators/" + i, "expected a string in 'communicators'");
            }
            communicators.add(names.get(i).asText());
        }
        return new BaselineParameters(protocol(node, path), sequenceLengths, communicators);
    }

    /** Under the names results.json uses; files written before commgate unified them say warmups, trials, cycles. */
    private MeasuringProtocol protocol(JsonNode node, String path) throws BaselineException {
        boolean older = !node.has(PlanJson.TRIALS) && node.has("trials");
        return new MeasuringProtocol(fields.atLeast(node, path, older ? "warmups" : PlanJson.WARMUPS, 0),
                fields.atLeast(node, path, older ? "trials" : PlanJson.TRIALS, 1),
                fields.atLeast(node, path, older ? "cycles" : PlanJson.CYCLES, 1), rotatingBufferBytes(node, path));
    }

    private List<BaselinePoint> points(JsonNode array, String path) throws BaselineException {
        List<BaselinePoint> points = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "/" + i;
            BaselinePoint point = point(fields.objectAt(array, at, i, "points"), at);
            if (points.stream().anyMatch(p -> p.isFor(point.communicator(), point.sequenceLength()))) {
                throw problem(at, String.format("a second entry for %s sequence length %d",
                        point.communicator(), point.sequenceLength()));
            }
            points.add(point);
        }
        return points;
    }

    private BaselinePoint point(JsonNode node, String path) throws BaselineException {
        String communicator = fields.text(node, path, "communicator");
        int sequenceLength = fields.atLeast(node, path, "sequence_length", 1);
        long bytes = fields.longAtLeast(node, path, "bytes", 1);
        double median = fields.nonNegative(node, path, "median_us");
        List<Double> samples = numbers(node, path, "samples_us");
        if (samples.isEmpty()) {
            throw problem(path + "/samples_us", "'samples_us' is empty; a point needs the samples it was recorded from");
        }
        List<Double> runMedians = node.has("run_medians_us") ? numbers(node, path, "run_medians_us") : List.of();
        BaselinePoint point = new BaselinePoint(communicator, sequenceLength, bytes, median, samples, runMedians,
                fields.optionalText(node, path, "reason"));
        Optional<String> implausible = PlausibleMedian.problem(point);
        if (implausible.isPresent()) {
            throw problem(path + "/median_us", point.label() + ": " + implausible.get());
        }
        return point;
    }

    private List<Double> numbers(JsonNode node, String path, String name) throws BaselineException {
        JsonNode array = fields.array(node, path, name);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(fields.nonNegativeElement(array, path + "/" + name, i, name));
        }
        return values;
    }

    private BaselineException problem(String path, String message) {
        return new BaselineException(at(file, json.location(path)) + message);
    }

    private static String at(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "baseline " + file + ": ";
        }
        return String.format("baseline %s: line %d, column %d: ", file, location.getLineNr(), location.getColumnNr());
    }

    /** Jackson appends the source and the parser's state on further lines; the first says what is wrong. */
    private static String firstLine(String message) {
        String first = message == null ? "malformed JSON" : message.lines().findFirst().orElse("malformed JSON");
        return first.replaceAll("\\s*\\(start marker at \\[Source:[^]]*; line: (\\d+), column: (\\d+)\\]\\)",
                " (opened at line $1, column $2)");
    }
}

package io.github.commgate.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.plan.PlanJson;

/**
 * The baseline as JSON text. Keys are written in a fixed order, points in file order, arrays of
 * numbers on one line and "\n" line ends on every platform, so an update's diff shows only what
 * changed and reads point by point.
 */
final class BaselineJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private BaselineJson() {
    }

    static String text(Baseline baseline) {
        try {
            return WRITER.writeValueAsString(tree(baseline)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode tree(Baseline baseline) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Baseline.FORMAT);
        root.set("key", key(baseline.key()));
        root.put("tool_version", baseline.provenance().toolVersion());
        root.put("recorded_at", baseline.provenance().recordedAt().toString());
        root.put("git_commit", baseline.provenance().gitCommit());
        root.put("host", baseline.host());
        root.put("reason", baseline.reason());
        ObjectNode environment = root.putObject("environment");
        baseline.environment().forEach(environment::put);
        root.set("parameters", parameters(baseline.parameters()));
        ArrayNode points = root.putArray("points");
        baseline.points().forEach(p -> points.add(point(p)));
        return root;
    }

    private static ObjectNode key(EnvironmentKey key) {
        ObjectNode node = JSON.createObjectNode();
        key.writeTo(node);
        return node;
    }

    private static ObjectNode parameters(BaselineParameters parameters) {
        ObjectNode node = JSON.createObjectNode();
        PlanJson.writeProtocol(parameters.protocol(), node);
        parameters.sequenceLengths().forEach(node.putArray(PlanJson.SEQUENCE_LENGTHS)::add);
        parameters.communicators().forEach(node.putArray(PlanJson.COMMUNICATORS)::add);
        return node;
    }

    private static ObjectNode point(BaselinePoint point) {
        ObjectNode node = JSON.createObjectNode();
        PlanJson.writePointKey(node, point.communicator(), point.sequenceLength(), point.bytes());
        node.put("median_us", point.medianMicros());
        point.samplesMicros().forEach(node.putArray("samples_us")::add);
        point.runMediansMicros().forEach(node.putArray("run_medians_us")::add);
        if (point.reason() != null) {
            node.put("reason", point.reason());
        }
        return node;
    }
}

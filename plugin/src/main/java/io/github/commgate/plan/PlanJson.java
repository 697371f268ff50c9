package io.github.commgate.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's fields as JSON, named once for every file that holds them (results.json,
 * benchmark.json, baselines). The names are those of vLLM's --output-json where it has one, so
 * scripts written for it keep working. {@link #read} gives back exactly what {@link #write} took.
 */
public final class PlanJson {

    public static final String BACKEND = "backend";
    public static final String WORLD_SIZE = "world_size";
    public static final String DTYPE = "dtype";
    public static final String HIDDEN_SIZE = "hidden_size";
    public static final String SEQUENCE_LENGTHS = "sequence_lengths";
    public static final String COMMUNICATORS = "communicators";
    public static final String WARMUPS = "num_warmup";
    public static final String TRIALS = "num_trials";
    public static final String CYCLES = "cuda_graph_capture_cycles";
    public static final String CUSTOM_MAX_BYTES = "custom_allreduce_max_size";
    /** The protocol's rotating buffer in bytes, 0 for one buffer (MeasuringProtocol); vLLM has none. */
    public static final String ROTATING_BUFFER_SIZE = "rotating_buffer_size";

    private PlanJson() {
    }

    /** Adds every field of {@code plan} to {@code node}, in a fixed order. */
    public static void write(BenchmarkPlan plan, ObjectNode node) {
        node.put(BACKEND, plan.backend().label());
        node.put(WORLD_SIZE, plan.worldSize());
        node.put(DTYPE, plan.dtype().label());
        node.put(HIDDEN_SIZE, plan.hiddenSize());
        plan.sequenceLengths().forEach(node.putArray(SEQUENCE_LENGTHS)::add);
        plan.communicators().forEach(node.putArray(COMMUNICATORS)::add);
        writeProtocol(plan.protocol(), node);
        node.put(CUSTOM_MAX_BYTES, plan.customMaxBytes());
    }

    /**
     * A point's key, as every file that lists points begins each one (results.json, benchmark.json,
     * its gate section, baselines): vLLM's names for the tensor's shape and size.
     */
    public static void writePointKey(ObjectNode node, String communicator, int sequenceLength, long bytes) {
        node.put("communicator", communicator);
        node.put("sequence_length", sequenceLength);
        node.put("bytes", bytes);
    }

    public static void writeProtocol(MeasuringProtocol protocol, ObjectNode node) {
        node.put(WARMUPS, protocol.warmups());
        node.put(TRIALS, protocol.trials());
        node.put(CYCLES, protocol.cycles());
        node.put(ROTATING_BUFFER_SIZE, protocol.rotatingBufferBytes());
    }

    /**
     * The plan in {@code node}. A file written before {@value #CUSTOM_MAX_BYTES} was recorded
     * ran with the default, so that is what it reads as.
     *
     * @throws InvalidSettingsException one line naming the field that is missing or wrong
     */
    public static BenchmarkPlan read(JsonNode node) throws InvalidSettingsException {
        String backend = text(node, BACKEND);
        String dtype = text(node, DTYPE);
        return BenchmarkPlan.builder()
                .backend(Backend.parse(backend).filter(b -> b != Backend.AUTO)
                        .orElseThrow(() -> problem("unknown backend '" + backend + "' in '" + BACKEND + "'")))
                .worldSize(number(node, WORLD_SIZE))
                .dtype(DType.parse(dtype).orElseThrow(() -> problem("unknown dtype '" + dtype + "' in '" + DTYPE + "'")))
                .hiddenSize(number(node, HIDDEN_SIZE))
                .sequenceLengths(numbers(node, SEQUENCE_LENGTHS))
                .communicators(texts(node, COMMUNICATORS))
                .protocol(readProtocol(node))
                .customMaxBytes(node.has(CUSTOM_MAX_BYTES) ? wholeNumber(node, CUSTOM_MAX_BYTES).longValue()
                        : Defaults.CUSTOM_MAX_BYTES)
                .build();
    }

    /** A file without {@value #ROTATING_BUFFER_SIZE} is older than the cache-cold mode: it measured with one buffer. */
    public static MeasuringProtocol readProtocol(JsonNode node) throws InvalidSettingsException {
        return new MeasuringProtocol(number(node, WARMUPS), number(node, TRIALS), number(node, CYCLES),
                node.has(ROTATING_BUFFER_SIZE) ? wholeNumber(node, ROTATING_BUFFER_SIZE).longValue() : 0);
    }

    private static String text(JsonNode node, String field) throws InvalidSettingsException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw problem("expected text for '" + field + "'");
        }
        return value.asText();
    }

    private static int number(JsonNode node, String field) throws InvalidSettingsException {
        JsonNode value = wholeNumber(node, field);
        if (!value.canConvertToInt()) {
            throw problem("expected a whole number for '" + field + "'");
        }
        return value.intValue();
    }

    private static JsonNode wholeNumber(JsonNode node, String field) throws InvalidSettingsException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw problem("expected a whole number for '" + field + "'");
        }
        return value;
    }

    private static List<Integer> numbers(JsonNode node, String field) throws InvalidSettingsException {
        List<Integer> values = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw problem("expected whole numbers in '" + field + "'");
            }
            values.add(value.intValue());
        }
        return values;
    }

    private static List<String> texts(JsonNode node, String field) throws InvalidSettingsException {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (!value.isTextual()) {
                throw problem("expected text in '" + field + "'");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static JsonNode array(JsonNode node, String field) throws InvalidSettingsException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw problem("expected an array for '" + field + "'");
        }
        return value;
    }

    private static InvalidSettingsException problem(String what) {
        return new InvalidSettingsException(List.of(what));
    }
}

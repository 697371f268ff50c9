package io.github.commgate.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON tree that remembers where each value began. Jackson's trees forget locations, yet a
 * message such as "line 12, column 5: expected a number for 'median_us'" needs them for
 * problems found after parsing. Locations are kept by path ("/points/3/median_us") because
 * Jackson shares small value nodes, so a node itself cannot be the key.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonLocation> locations = new HashMap<>();
    private final JsonNode root;

    private LocatedJson(JsonParser parser) throws IOException {
        parser.nextToken();
        root = value(parser, "");
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonSyntaxException("unexpected content after the end of the baseline", parser.currentTokenLocation());
        }
    }

    /** @throws JsonProcessingException for text that is not one well-formed JSON value */
    static LocatedJson parse(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new LocatedJson(parser);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at this path began; the start of the file for a path never seen. */
    JsonLocation location(String path) {
        return locations.getOrDefault(path, locations.get(""));
    }

    private JsonNode value(JsonParser parser, String path) throws IOException {
        locations.put(path, parser.currentTokenLocation());
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, path);
            case START_ARRAY -> array(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    private ObjectNode object(JsonParser parser, String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, value(parser, path + "/" + name));
        }
        return object;
    }

    private ArrayNode array(JsonParser parser, String path) throws IOException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser, path + "/" + index++));
        }
        return array;
    }

    /** A syntax problem found by this class rather than by Jackson's parser. */
    static final class JsonSyntaxException extends JsonProcessingException {

        JsonSyntaxException(String message, JsonLocation location) {
            super(message, location);
        }
    }
}

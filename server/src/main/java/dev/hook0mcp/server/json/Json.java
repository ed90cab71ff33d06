package dev.hook0mcp.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The one ObjectMapper of the engine and small helpers around it. */
public final class Json {

    /**
     * Numbers are kept as written: a float is read as a BigDecimal, not a double, so a payload's
     * {@code 3.141592653589793238462643383279} or {@code 1e400} reaches Hook0 as given (a double made them
     * {@code 3.141592653589793} and the string {@code "Infinity"}). Integers already keep every digit.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plain Java form of a JSON object (LinkedHashMap, ArrayList, String, Integer/Long/Double…, Boolean, null),
     * as {@code MAPPER.convertValue(node, Map.class)} gives it, read straight off the tree: the SDK wants tool
     * schemas as maps, and converting them through Jackson's token buffer was a tenth of a start.
     */
    public static Map<String, Object> plain(ObjectNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), plainValue(field.getValue())));
        return map;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isObject()) {
            return plain((ObjectNode) node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plainValue(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return MAPPER.convertValue(node, Object.class); // binary or POJO nodes: not in a schema, kept exact anyway
    }

    /** A copy of {@code node} with {@code keys} applied to every member name and {@code values} to every string. */
    public static JsonNode mapStrings(JsonNode node, UnaryOperator<String> keys, UnaryOperator<String> values) {
        if (node.isTextual()) {
            return TextNode.valueOf(values.apply(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> copy.set(keys.apply(e.getKey()), mapStrings(e.getValue(), keys, values)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(v -> copy.add(mapStrings(v, keys, values)));
            return copy;
        }
        return node;
    }

    public static int byteSize(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.hook0mcp.server.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Dotted member paths inside one JSON object, as the catalogue writes them: {@code secret},
 * {@code target.headers.*} (every value of the map), {@code body}.
 */
public final class FieldPaths {

    private FieldPaths() {}

    /** Replaces every value the path reaches with {@code fn(value)}; returns whether it reached any. */
    public static boolean replace(ObjectNode object, String path, UnaryOperator<JsonNode> fn) {
        return replace(object, path.split("\\."), 0, fn);
    }

    private static boolean replace(ObjectNode object, String[] parts, int index, UnaryOperator<JsonNode> fn) {
        String part = parts[index];
        boolean last = index == parts.length - 1;
        List<String> names = new ArrayList<>();
        if (part.equals("*")) {
            object.fieldNames().forEachRemaining(names::add);
        } else if (object.has(part)) {
            names.add(part);
        }
        boolean reached = false;
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (last) {
                object.set(name, fn.apply(value));
                reached = true;
            } else if (value.isObject()) {
                reached |= replace((ObjectNode) value, parts, index + 1, fn);
            }
        }
        return reached;
    }

    /** Removes null members everywhere (Hook0's nulls carry no information; schemas then stay single-typed). */
    static void dropNulls(JsonNode node) {
        if (node.isObject()) {
            var it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    dropNulls(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(FieldPaths::dropNulls);
        }
    }
}

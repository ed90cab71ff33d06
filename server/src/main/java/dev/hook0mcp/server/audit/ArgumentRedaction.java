package dev.hook0mcp.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hook0mcp.server.results.FieldPaths;
import dev.hook0mcp.server.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a call as the audit log shows them: ids and names as given; the values the tool's catalogue
 * file lists in {@code auditOmit} (payloads, secrets, target header values) and any text longer than
 * {@link #MAX_CHARS} characters replaced by {@code "[omitted: N bytes]"} (N: its size in UTF-8, or of its
 * compact JSON when it is not text). Arguments still above {@link #MAX_BYTES} after that (thousands of members)
 * are omitted whole, so one record stays a line a person can read.
 */
public final class ArgumentRedaction {

    /** Longest text shown as it is. */
    public static final int MAX_CHARS = 200;
    /** Largest arguments object shown. */
    public static final int MAX_BYTES = 16_384;

    private ArgumentRedaction() {}

    /** A redacted copy of {@code arguments} (a JSON object; anything else gives an empty object). */
    public static JsonNode redact(JsonNode arguments, List<String> omit) {
        if (arguments == null || !arguments.isObject()) {
            return Json.object();
        }
        ObjectNode copy = arguments.deepCopy();
        for (String path : omit) {
            FieldPaths.replace(copy, path, ArgumentRedaction::omitted);
        }
        JsonNode shown = shortened(copy);
        return Json.byteSize(shown) > MAX_BYTES ? omitted(shown) : shown;
    }

    /** {@link #redact} of the map the MCP SDK hands over. */
    public static JsonNode redact(Map<String, ?> arguments, List<String> omit) {
        return redact(arguments == null ? null : (JsonNode) Json.MAPPER.valueToTree(arguments), omit);
    }

    /** One text as the audit log shows it: as it is, or omitted when longer than {@link #MAX_CHARS}. */
    public static JsonNode text(String value) {
        return value == null ? null : shortened(TextNode.valueOf(value));
    }

    static TextNode omitted(JsonNode value) {
        int bytes = value.isTextual() ? value.asText().getBytes(StandardCharsets.UTF_8).length : Json.byteSize(value);
        return TextNode.valueOf("[omitted: " + bytes + " bytes]");
    }

    private static JsonNode shortened(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().length() > MAX_CHARS ? omitted(node) : node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = shortened(object.remove(name));
                object.set(name.length() > MAX_CHARS ? omitted(TextNode.valueOf(name)).asText() : name, value);
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shortened(array.get(i)));
            }
        }
        return node;
    }
}

package dev.hook0mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What {@code tools/list} serves of a catalogue tool: the parts clients act on, so the whole list stays small
 * (issue #13: a root token's answer within 32 KiB). The catalogue keeps everything, and the server checks arguments
 * against the full input schema, so nothing it enforces is lost.
 * <ul>
 * <li>Input schema: the catalogue's UUID pattern is left out; every such property's description says "UUID", and
 * the server still refuses anything else ("must be a UUID such as …"). Not {@code "format":"uuid"} instead: the
 * Gemini API refuses any string format but date-time (reference/mcp-clients-and-spec.md §4).</li>
 * <li>Output schema: the root's required members, each with its type: enough for a client's check of
 * {@code structuredContent} (the TypeScript SDK's) to know the result's shape. Models do not see output schemas
 * in the major clients (the description names the useful fields), and the catalogue keeps the full schema; the
 * schemas are open, so a result with more members still conforms.</li>
 * <li>Annotations: {@link #hints}.</li>
 * </ul>
 */
public final class ServedTool {

    private ServedTool() {}

    /**
     * The hints as served: readOnlyHint, destructiveHint and openWorldHint always written out (clients show
     * "destructive" for a read tool without destructiveHint:false; app directories refuse a tool missing one);
     * idempotentHint only where it says something MCP's default (false) does not: true, on a write (the spec gives
     * it no meaning on a read-only tool). No annotations.title: tools carry their own title since MCP 2025-06-18.
     * Null means "not served".
     */
    public record Hints(Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint, Boolean openWorldHint) {}

    public static Hints hints(ToolAnnotations a) {
        Boolean idempotent = !a.readOnlyHint() && a.idempotentHint() ? Boolean.TRUE : null;
        return new Hints(a.readOnlyHint(), a.destructiveHint(), idempotent, a.openWorldHint());
    }

    /** A copy of the input schema without the UUID pattern, at any depth. */
    public static ObjectNode inputSchema(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        withoutUuidPattern(copy);
        return copy;
    }

    /** A copy of the output schema with only the root's required members, each as its type alone. */
    public static ObjectNode outputSchema(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        Set<String> required = new HashSet<>();
        copy.path("required").forEach(r -> required.add(r.asText()));
        if (copy.has("properties")) {
            ObjectNode members = copy.putObject("properties");
            schema.path("properties").fields().forEachRemaining(member -> {
                if (required.contains(member.getKey())) {
                    members.putObject(member.getKey()).set("type", member.getValue().get("type"));
                }
            });
            if (members.isEmpty()) {
                copy.remove("properties");
            }
        }
        return copy;
    }

    private static void withoutUuidPattern(JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        ObjectNode schema = (ObjectNode) node;
        if (Uuids.SCHEMA_PATTERN.equals(schema.path("pattern").asText(null))) {
            schema.remove("pattern");
        }
        schema.path("properties").forEach(ServedTool::withoutUuidPattern);
        withoutUuidPattern(schema.path("items"));
        withoutUuidPattern(schema.path("additionalProperties"));
    }
}

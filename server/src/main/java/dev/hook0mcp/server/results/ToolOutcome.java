package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a tool call produced, independent of the MCP SDK: the structured result (which carries everything) and
 * its compact JSON text. {@code error} results are still results (MCP {@code isError: true}), never protocol
 * errors.
 */
public record ToolOutcome(boolean error, ObjectNode structured, String text) {

    public static ToolOutcome success(ObjectNode structured) {
        return new ToolOutcome(false, structured, Json.compact(structured));
    }

    /** An error whose first line is the message the assistant acts on, followed by the structured details. */
    public static ToolOutcome failure(ObjectNode structured) {
        String message = structured.path("message").asText("");
        return new ToolOutcome(true, structured, message + "\n" + Json.compact(structured));
    }
}

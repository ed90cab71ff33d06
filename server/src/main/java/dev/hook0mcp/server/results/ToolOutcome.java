package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a tool call produced, independent of the MCP SDK: the structured result (which carries everything) and
 * its compact JSON text. {@code error} results are still results (MCP {@code isError: true}), never protocol
 * errors; {@link #kind} says which kind of error, for the audit log.
 */
public record ToolOutcome(Kind kind, ObjectNode structured, String text) {

    /** How a call ended. Every kind but OK is an error result. */
    public enum Kind {
        OK,
        /** Hook0 or the input said no, or something failed. */
        ERROR,
        /** Not run: the tool is not offered to this token, or the user declined or cancelled its confirmation. */
        REFUSED,
        /** Not run: a write that needs a confirmation string was given none or an invalid one. */
        NOT_CONFIRMED
    }

    public boolean error() {
        return kind != Kind.OK;
    }

    public static ToolOutcome success(ObjectNode structured) {
        return new ToolOutcome(Kind.OK, structured, Json.compact(structured));
    }

    /** An error whose first line is the message the assistant acts on, followed by the structured details. */
    public static ToolOutcome failure(ObjectNode structured) {
        return failure(Kind.ERROR, structured);
    }

    /** A {@link #failure} of another kind than {@link Kind#ERROR}. */
    public static ToolOutcome failure(Kind kind, ObjectNode structured) {
        if (kind == Kind.OK) {
            throw new IllegalArgumentException("a failure cannot be OK");
        }
        String message = structured.path("message").asText("");
        return new ToolOutcome(kind, structured, message + "\n" + Json.compact(structured));
    }
}

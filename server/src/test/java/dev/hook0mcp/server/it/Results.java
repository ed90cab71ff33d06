package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;

/** Reading tool results in tests: the structured content as JSON, and assertions on success or error. */
final class Results {

    static final ObjectMapper JSON = new ObjectMapper();

    private Results() {}

    static JsonNode ok(McpSchema.CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> "expected success, got: " + text(result));
        assertNotNull(result.structuredContent(), "structuredContent carries the result");
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertTrue(text(result).startsWith("{"), "the text content is the compact JSON too");
        return structured;
    }

    static JsonNode error(McpSchema.CallToolResult result) {
        assertTrue(Boolean.TRUE.equals(result.isError()), () -> "expected an error result, got: " + text(result));
        return result.structuredContent() == null ? JSON.createObjectNode() : JSON.valueToTree(result.structuredContent());
    }

    static String text(McpSchema.CallToolResult result) {
        StringBuilder s = new StringBuilder();
        for (McpSchema.Content c : result.content()) {
            if (c instanceof McpSchema.TextContent t) {
                s.append(t.text());
            }
        }
        return s.toString();
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Reading tool results in tests: a success's structured content, an error's details (the JSON after the message
 * line of its text: errors carry no structuredContent), and assertions on success or error.
 */
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
        assertNull(result.structuredContent(), "an error carries no structuredContent (clients check it against"
                + " the outputSchema)");
        String text = text(result);
        int newline = text.indexOf('\n');
        assertTrue(newline > 0, () -> "the message, then the details: " + text);
        try {
            JsonNode details = JSON.readTree(text.substring(newline + 1));
            assertEquals(text.substring(0, newline), details.path("message").asText(), "the first line is the message");
            return details;
        } catch (JsonProcessingException e) {
            throw new AssertionError("the details after the message are not JSON: " + text, e);
        }
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

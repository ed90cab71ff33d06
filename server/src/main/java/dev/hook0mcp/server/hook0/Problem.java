package dev.hook0mcp.server.hook0;

import com.fasterxml.jackson.databind.JsonNode;

/** Hook0's problem+json body: {type, status, title, detail, id, validation}. */
public record Problem(String id, int status, String title, String detail, JsonNode validation) {

    static Problem from(JsonNode n) {
        JsonNode validation = n.get("validation");
        return new Problem(
                text(n, "id"),
                n.path("status").asInt(0),
                text(n, "title"),
                text(n, "detail"),
                validation == null || validation.isNull() ? null : validation);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Hook0's request-attempt cursor: URL-safe base64 (padded) of {"date": created_at, "id": request_attempt_id} of
 * the last item seen. Used only when a page is cut to the size budget, so the next call resumes right after the
 * last item the assistant actually saw.
 */
final class Hook0Cursor {

    private Hook0Cursor() {}

    static Optional<String> after(JsonNode attempt) {
        String date = attempt.path("created_at").asText(null);
        String id = attempt.path("request_attempt_id").asText(null);
        if (date == null || id == null) {
            return Optional.empty();
        }
        var cursor = Json.object().put("date", date).put("id", id);
        return Optional.of(Base64.getUrlEncoder()
                .encodeToString(Json.compact(cursor).getBytes(StandardCharsets.UTF_8)));
    }
}

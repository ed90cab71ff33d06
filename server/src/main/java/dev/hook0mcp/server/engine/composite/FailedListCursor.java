package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.server.engine.ArgumentException;
import dev.hook0mcp.server.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The cursor of list_failed_deliveries: the window of the first page (so later pages list the same set) and the
 * last row shown (its last attempt time, event and subscription), as URL-safe base64 of a small JSON object.
 */
record FailedListCursor(DeliveryWindow window, Instant at, String eventId, String subscriptionId) {

    String encode() {
        String json = Json.compact(Json.object().put("s", window.since().toString()).put("u", window.until().toString())
                .put("a", at.toString()).put("e", eventId).put("b", subscriptionId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static FailedListCursor decode(String cursor) {
        try {
            JsonNode j = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            return new FailedListCursor(new DeliveryWindow(Instant.parse(j.path("s").asText()),
                    Instant.parse(j.path("u").asText())), Instant.parse(j.path("a").asText()),
                    j.path("e").asText(), j.path("b").asText());
        } catch (Exception e) {
            throw new ArgumentException("'cursor' is not a next_cursor of list_failed_deliveries: copy it exactly");
        }
    }
}

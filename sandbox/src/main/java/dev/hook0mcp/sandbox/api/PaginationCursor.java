package dev.hook0mcp.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.sandbox.http.Timestamps;
import dev.hook0mcp.sandbox.http.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Hook0's cursor: URL-safe base64, with padding, of {@code {"date":"<RFC 3339>","id":"<uuid>"}}. */
public record PaginationCursor(Instant date, UUID id) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String encode() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("date", Timestamps.rfc3339(date));
        node.put("id", id.toString());
        return Base64.getUrlEncoder().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<PaginationCursor> decode(String text) {
        try {
            JsonNode node = MAPPER.readTree(Base64.getUrlDecoder().decode(text));
            Optional<Instant> date = Timestamps.parse(node.path("date").asText(null));
            Optional<UUID> id = Uuids.parse(node.path("id").asText(null));
            return date.isPresent() && id.isPresent()
                    ? Optional.of(new PaginationCursor(date.get(), id.get()))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}

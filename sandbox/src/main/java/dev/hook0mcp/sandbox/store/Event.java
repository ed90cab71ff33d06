package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** An ingested event; {@code payload} holds the stored bytes (base64 payloads are stored decoded). */
public record Event(UUID id, UUID applicationId, String eventTypeName, String payloadContentType, byte[] payload,
                    String ip, Map<String, String> metadata, Instant occurredAt, Instant receivedAt,
                    Map<String, String> labels) {

    public Event {
        payload = payload.clone();
        metadata = Maps.frozen(metadata);
        labels = Maps.frozen(labels);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Deterministic, content-based (the default would print the array's identity). */
    @Override
    public String toString() {
        return "Event[id=" + id + ", applicationId=" + applicationId + ", eventTypeName=" + eventTypeName
                + ", payloadContentType=" + payloadContentType + ", payload=" + Base64.getEncoder().encodeToString(payload)
                + ", ip=" + ip + ", metadata=" + metadata + ", occurredAt=" + occurredAt + ", receivedAt=" + receivedAt
                + ", labels=" + labels + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}

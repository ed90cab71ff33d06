package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.UUID;

/** An event type {@code service.resource_type.verb}; {@code deactivatedAt} is set by delete. */
public record EventType(UUID applicationId, String service, String resourceType, String verb,
                        Instant createdAt, Instant deactivatedAt) {

    public String name() {
        return service + "." + resourceType + "." + verb;
    }

    public boolean isActive() {
        return deactivatedAt == null;
    }
}

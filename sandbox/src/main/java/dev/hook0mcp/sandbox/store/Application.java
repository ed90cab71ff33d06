package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.UUID;

/** A Hook0 application; {@code deletedAt} is set by the soft delete. */
public record Application(UUID id, UUID organizationId, String name, Instant createdAt, Instant deletedAt) {

    public boolean isDeleted() {
        return deletedAt != null;
    }

    Application renamed(String newName) {
        return new Application(id, organizationId, newName, createdAt, deletedAt);
    }

    Application deleted(Instant at) {
        return new Application(id, organizationId, name, createdAt, at);
    }
}

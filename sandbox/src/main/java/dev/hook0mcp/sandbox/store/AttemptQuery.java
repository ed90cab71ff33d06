package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filters and keyset position of one request-attempt page: Hook0's
 * {@code created_at BETWEEN min AND max AND (created_at, id) < (cursorDate, cursorId)}.
 */
public record AttemptQuery(UUID applicationId, UUID eventId, UUID subscriptionId, Instant minCreatedAt,
                           Instant maxCreatedAt, Set<String> eventTypeNames, Instant cursorDate, UUID cursorId) {

    public AttemptQuery {
        eventTypeNames = Set.copyOf(eventTypeNames);
    }
}

package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.UUID;

/** One delivery attempt of an event to a subscription. */
public record RequestAttempt(UUID id, UUID applicationId, UUID eventId, UUID subscriptionId, Instant createdAt,
                             Instant pickedAt, Instant failedAt, Instant succeededAt, Instant delayUntil,
                             UUID responseId, int retryCount) {
}

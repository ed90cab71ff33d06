package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.UUID;

/** One delivery attempt of an event to a subscription. */
public record RequestAttempt(UUID id, UUID applicationId, UUID eventId, UUID subscriptionId, Instant createdAt,
                             Instant pickedAt, Instant failedAt, Instant succeededAt, Instant delayUntil,
                             UUID responseId, int retryCount) {

    /** Hook0's status type at {@code now}: failed, successful, inprogress, waiting or pending. */
    public String statusType(Instant now) {
        if (failedAt != null) {
            return "failed";
        }
        if (succeededAt != null) {
            return "successful";
        }
        if (pickedAt != null) {
            return "inprogress";
        }
        return delayUntil != null && delayUntil.isAfter(now) ? "waiting" : "pending";
    }

    RequestAttempt failed(Instant at) {
        return new RequestAttempt(id, applicationId, eventId, subscriptionId, createdAt, pickedAt, at, null,
                delayUntil, responseId, retryCount);
    }
}

package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A webhook subscription; {@code deletedAt} is set by the soft delete. */
public record Subscription(UUID id, UUID applicationId, boolean enabled, List<String> eventTypes,
                           String description, UUID secret, Map<String, String> metadata,
                           Map<String, String> labels, Target target, List<String> dedicatedWorkers,
                           Instant createdAt, Instant updatedAt, Instant deletedAt) {

    public Subscription {
        eventTypes = Maps.frozen(eventTypes);
        metadata = Maps.frozen(metadata);
        labels = Maps.frozen(labels);
        dedicatedWorkers = Maps.frozen(dedicatedWorkers);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Hook0's matching rule: enabled, subscribed to the type, and every label present with the same value. */
    public boolean matches(Event event) {
        if (!enabled || isDeleted() || !eventTypes.contains(event.eventTypeName())) {
            return false;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!label.getValue().equals(event.labels().get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    Subscription deleted(Instant at) {
        return new Subscription(id, applicationId, enabled, eventTypes, description, secret, metadata, labels,
                target, dedicatedWorkers, createdAt, updatedAt, at);
    }
}

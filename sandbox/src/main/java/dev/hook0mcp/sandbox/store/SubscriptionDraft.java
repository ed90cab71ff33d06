package dev.hook0mcp.sandbox.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The validated content of a SubscriptionPost (create or full replace). */
public record SubscriptionDraft(UUID applicationId, boolean enabled, List<String> eventTypes, String description,
                                Map<String, String> metadata, Map<String, String> labels, Target target,
                                List<String> dedicatedWorkers) {

    public SubscriptionDraft {
        eventTypes = Maps.frozen(eventTypes);
        metadata = Maps.frozen(metadata);
        labels = Maps.frozen(labels);
        dedicatedWorkers = Maps.frozen(dedicatedWorkers);
    }
}

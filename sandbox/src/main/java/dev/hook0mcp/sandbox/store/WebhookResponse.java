package dev.hook0mcp.sandbox.store;

import java.util.Map;
import java.util.UUID;

/** What a webhook target answered (simulated). */
public record WebhookResponse(UUID id, UUID applicationId, String errorName, Integer httpCode,
                              Map<String, String> headers, String body, Integer elapsedTimeMs) {

    public WebhookResponse {
        headers = Maps.frozen(headers);
    }
}

package dev.hook0mcp.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Deterministic stand-in for Hook0's workers: every matching subscription gets one attempt, delivered at
 * once. A target URL containing "fail" answers 500 "upstream exploded"; one containing "timeout" never answers
 * (response error E_TIMEOUT, no HTTP status, as Hook0 records it); any other answers 200 with a small JSON body.
 * Timings derive from the ids, so the same event and subscription always give the same result.
 */
public final class DeliverySimulator {

    public static final String FAILING_URL_MARKER = "fail";
    public static final String TIMEOUT_URL_MARKER = "timeout";
    /** Hook0's delivery timeout, the elapsed time of an attempt that timed out. */
    public static final int TIMEOUT_MS = 15_000;

    /** One simulated delivery: the attempt and the response it stored. */
    public record Delivery(RequestAttempt attempt, WebhookResponse response) {
    }

    public List<Delivery> deliver(Event event, List<Subscription> subscriptions, Supplier<Instant> createdAt,
                                  Supplier<UUID> ids) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.applicationId().equals(event.applicationId()) && subscription.matches(event)) {
                deliveries.add(deliverOne(event, subscription, createdAt.get(), ids));
            }
        }
        return deliveries;
    }

    private Delivery deliverOne(Event event, Subscription subscription, Instant createdAt, Supplier<UUID> ids) {
        String url = subscription.target().url().toLowerCase();
        boolean timesOut = url.contains(TIMEOUT_URL_MARKER);
        boolean fails = timesOut || url.contains(FAILING_URL_MARKER);
        int spread = Math.floorMod((event.id().toString() + subscription.id()).hashCode(), 200);
        int elapsedMs = timesOut ? TIMEOUT_MS : fails ? 900 + spread : 40 + spread;
        Instant pickedAt = createdAt.plusMillis(3);
        Instant doneAt = pickedAt.plusMillis(elapsedMs);
        UUID responseId = ids.get();
        Map<String, String> headers = new LinkedHashMap<>();
        WebhookResponse response;
        if (timesOut) {
            response = new WebhookResponse(responseId, event.applicationId(), "E_TIMEOUT", null, Map.of(), null,
                    elapsedMs);
        } else if (fails) {
            headers.put("content-type", "text/plain; charset=utf-8");
            headers.put("x-upstream", "sandbox-simulator");
            response = new WebhookResponse(responseId, event.applicationId(), "E_HTTP", 500, headers,
                    "upstream exploded", elapsedMs);
        } else {
            headers.put("content-type", "application/json");
            headers.put("x-request-id", Ids.seeded("response:" + event.id() + ":" + subscription.id()).toString());
            response = new WebhookResponse(responseId, event.applicationId(), null, 200, headers,
                    "{\"received\":true,\"event_id\":\"" + event.id() + "\"}", elapsedMs);
        }
        RequestAttempt attempt = new RequestAttempt(ids.get(), event.applicationId(), event.id(), subscription.id(),
                createdAt, pickedAt, fails ? doneAt : null, fails ? null : doneAt, null, responseId, 0);
        return new Delivery(attempt, response);
    }
}

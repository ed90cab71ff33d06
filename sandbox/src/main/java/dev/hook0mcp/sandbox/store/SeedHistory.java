package dev.hook0mcp.sandbox.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Three days of delivery history in the busy application, for the operations tools: one event every 90 minutes
 * (labelled {@code region=eu}) to two extra subscriptions and the existing ones. Per (event, subscription):
 * the always-failing CRM and the analytics endpoint that times out retry {@value #MAX_RETRIES} times and give up
 * (the newest {@value #SCHEDULED_EVENTS} events still have a retry scheduled); the warehouse failed with a 503
 * until {@link #RECOVERED_AGO} ago, each such failure followed by a successful retry, and succeeds since.
 * Timestamps are relative to the start time, ids are name-based.
 */
final class SeedHistory {

    static final String REGION = "eu";
    static final int HISTORY_EVENTS = 48;
    static final Duration SPACING = Duration.ofMinutes(90);
    static final int MAX_RETRIES = 3;
    static final int SCHEDULED_EVENTS = 2;
    static final Duration RECOVERED_AGO = Duration.ofHours(12);
    static final String MAINTENANCE_BODY = "<html><body>503 Service Unavailable: maintenance</body></html>";
    private static final Duration[] BACKOFF = {Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(30)};

    private final SandboxStore store;
    private final UUID app;
    private final UUID recovered;
    private final Instant start;
    private final Supplier<UUID> ids;

    private SeedHistory(SandboxStore store, UUID app, UUID recovered, Instant start, Supplier<UUID> ids) {
        this.store = store;
        this.app = app;
        this.recovered = recovered;
        this.start = start;
        this.ids = ids;
    }

    /** @param recovered the subscription that failed, then recovered */
    static void populate(SandboxStore store, UUID app, UUID recovered, Instant start, Supplier<UUID> ids) {
        new SeedHistory(store, app, recovered, start, ids).run();
    }

    private void run() {
        // 17 s off the minute: never the same received_at as a busy event (Hook0 sorts events by it).
        Instant newest = start.minus(Duration.ofMinutes(20)).minusSeconds(17).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < HISTORY_EVENTS; i++) {
            Instant at = newest.minus(SPACING.multipliedBy(i));
            String type = i % 2 == 0 ? SeedData.INVOICE_FAILED : SeedData.ACCOUNT_CREATED;
            String payload = String.format("{\"history\":%d,\"region\":\"%s\"}", i, REGION);
            Event event = new Event(Ids.seeded("event:history:" + i), app, type, "application/json",
                    payload.getBytes(StandardCharsets.UTF_8), "203.0.113.30", Map.of("source", "sandbox-history"),
                    at.minusSeconds(1), at, Map.of("env", "production", "tenant", "t-" + (i % 4), "region", REGION));
            store.seedEvent(event, ids);
            for (RequestAttempt first : store.attemptsOfEvent(event.id())) {
                if (first.subscriptionId().equals(recovered)) {
                    if (at.isBefore(start.minus(RECOVERED_AGO))) {
                        failThenRecover(first);
                    }
                } else if (first.failedAt() != null) {
                    retry(first, i < SCHEDULED_EVENTS);
                }
            }
        }
    }

    /** The first attempt answered 503; the retry a few minutes later succeeded. */
    private void failThenRecover(RequestAttempt first) {
        WebhookResponse ok = store.response(first.responseId()).orElseThrow();
        store.seedResponse(new WebhookResponse(first.responseId(), app, "E_HTTP", 503,
                Map.of("content-type", "text/html", "retry-after", "120"), MAINTENANCE_BODY, 120));
        Instant failedAt = first.succeededAt();
        store.seedAttempt(first.failed(failedAt));
        Instant due = failedAt.plus(BACKOFF[0]);
        UUID responseId = ids.get();
        store.seedResponse(new WebhookResponse(responseId, app, null, 200, ok.headers(), ok.body(), ok.elapsedTimeMs()));
        store.seedAttempt(new RequestAttempt(ids.get(), app, first.eventId(), first.subscriptionId(), failedAt, due,
                null, due.plusMillis(ok.elapsedTimeMs()), due, responseId, 1));
    }

    /**
     * Retries of a failed first attempt, each failing like the first: all {@value #MAX_RETRIES} of them (given
     * up), or only one and then a retry still waiting when {@code scheduled}.
     */
    private void retry(RequestAttempt first, boolean scheduled) {
        WebhookResponse answer = store.response(first.responseId()).orElseThrow();
        RequestAttempt previous = first;
        int retries = scheduled ? 1 : MAX_RETRIES;
        for (int n = 1; n <= retries; n++) {
            Instant createdAt = previous.failedAt();
            Instant due = createdAt.plus(BACKOFF[n - 1]);
            UUID responseId = ids.get();
            store.seedResponse(new WebhookResponse(responseId, app, answer.errorName(), answer.httpCode(),
                    answer.headers(), answer.body(), answer.elapsedTimeMs()));
            previous = new RequestAttempt(ids.get(), app, first.eventId(), first.subscriptionId(), createdAt, due,
                    due.plusMillis(answer.elapsedTimeMs()), null, due, responseId, n);
            store.seedAttempt(previous);
        }
        if (scheduled) {
            Instant createdAt = previous.failedAt();
            store.seedAttempt(new RequestAttempt(ids.get(), app, first.eventId(), first.subscriptionId(), createdAt,
                    null, null, null, start.plus(Duration.ofHours(2)), null, retries + 1));
        }
    }
}

package dev.hook0mcp.sandbox.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Demo data: one organization, a busy application (130 events over ~9 days, deliveries to four
 * subscriptions, one of which always fails, one disabled, one carrying an Authorization header) and a
 * quieter second application; plus three days of delivery history with timeouts, retries (scheduled and given up)
 * and a subscription that failed, then recovered ({@link SeedHistory}). Ids are name-based, so they are the same on every start; timestamps are
 * relative to the start time (so "events per day" shows recent days).
 */
public final class SeedData {

    public static final String ORGANIZATION_NAME = "Sandbox Org";
    public static final String BUSY_APPLICATION_NAME = "Acme Billing";
    public static final String SECOND_APPLICATION_NAME = "Acme Notifications";
    public static final String INVOICE_PAID = "billing.invoice.paid";
    public static final String INVOICE_FAILED = "billing.invoice.failed";
    public static final String ACCOUNT_CREATED = "user.account.created";
    public static final String ACCOUNT_DELETED = "user.account.deleted";
    /** The header value a redaction test should never see in clear. */
    public static final String SECRET_HEADER_VALUE = "Bearer secret-value";
    public static final String TIMEOUT_SUBSCRIPTION = "Analytics (times out)";
    public static final String RECOVERED_SUBSCRIPTION = "Warehouse (failed, then recovered)";
    static final int BUSY_EVENTS = 130;
    static final int SECOND_APP_EVENTS = 6;

    /** Ids of what was seeded. */
    public record Seeded(UUID organizationId, UUID busyApplicationId, UUID secondApplicationId) {
    }

    private SeedData() {
    }

    public static Seeded populate(SandboxStore store, Instant start) {
        UUID orgId = Ids.seeded("organization");
        store.addOrganization(new Organization(orgId, ORGANIZATION_NAME));
        UUID busy = store.createApplication(Ids.seeded("application:busy"), orgId, BUSY_APPLICATION_NAME).id();
        UUID second = store.createApplication(Ids.seeded("application:second"), orgId, SECOND_APPLICATION_NAME).id();

        for (String name : List.of(INVOICE_PAID, INVOICE_FAILED, ACCOUNT_CREATED)) {
            upsert(store, busy, name);
        }
        for (String name : List.of(ACCOUNT_CREATED, ACCOUNT_DELETED)) {
            upsert(store, second, name);
        }

        Instant subscribedAt = start.minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> erpHeaders = new LinkedHashMap<>();
        erpHeaders.put("Authorization", SECRET_HEADER_VALUE);
        erpHeaders.put("X-Source", "hook0");
        subscribe(store, "erp", busy, true, List.of(INVOICE_PAID, INVOICE_FAILED), "ERP invoices",
                Map.of("team", "finance"), Map.of("env", "production"),
                new Target("POST", "https://erp.acme.example/hooks/hook0", erpHeaders), subscribedAt);
        subscribe(store, "crm", busy, true, List.of(INVOICE_PAID, ACCOUNT_CREATED),
                "CRM sync (always fails)", Map.of(), Map.of("env", "production"),
                new Target("POST", "https://crm.acme.example/webhooks/fail", Map.of()), subscribedAt);
        UUID staging = subscribe(store, "staging", busy, true, List.of(INVOICE_PAID, INVOICE_FAILED, ACCOUNT_CREATED),
                "Staging mirror", Map.of(), Map.of("env", "staging"),
                new Target("PUT", "https://staging.acme.example/hook", Map.of("X-Env", "staging")), subscribedAt);
        subscribe(store, "legacy", busy, false, List.of(INVOICE_PAID), "Legacy endpoint (disabled)", Map.of(),
                Map.of("env", "production"), new Target("POST", "http://legacy.acme.example/hook", Map.of()), subscribedAt);
        subscribe(store, "analytics", busy, true, List.of(INVOICE_FAILED), TIMEOUT_SUBSCRIPTION, Map.of(),
                Map.of("region", SeedHistory.REGION),
                new Target("POST", "https://analytics.acme.example/hooks/timeout", Map.of()), subscribedAt);
        UUID warehouse = subscribe(store, "warehouse", busy, true, List.of(ACCOUNT_CREATED), RECOVERED_SUBSCRIPTION,
                Map.of(), Map.of("region", SeedHistory.REGION),
                new Target("POST", "https://warehouse.acme.example/hooks/accounts", Map.of()), subscribedAt);
        subscribe(store, "welcome", second, true, List.of(ACCOUNT_CREATED), "Welcome emails", Map.of(),
                Map.of("env", "production"),
                new Target("POST", "https://mailer.acme.example/hooks/welcome", Map.of()), subscribedAt);

        Supplier<UUID> attemptIds = counter("delivery");
        Instant firstEvent = start.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(100L * BUSY_EVENTS))
                .truncatedTo(ChronoUnit.SECONDS);
        List<Event> staged = new ArrayList<>();
        for (int i = 0; i < BUSY_EVENTS; i++) {
            Event event = busyEvent(busy, i, firstEvent.plus(Duration.ofMinutes(100L * i)));
            store.seedEvent(event, attemptIds);
            if ("staging".equals(event.labels().get("env"))) {
                staged.add(event);
            }
        }
        seedUnfinishedAttempts(store, busy, staging, staged, start);
        SeedHistory.populate(store, busy, warehouse, start, attemptIds);

        Instant secondStart = start.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < SECOND_APP_EVENTS; i++) {
            Instant at = secondStart.plus(Duration.ofHours(9L * i));
            Map<String, String> labels = Map.of("env", "production");
            String payload = "{\"user_id\":\"usr_" + (1000 + i) + "\",\"email\":\"new" + i + "@example.com\"}";
            store.seedEvent(new Event(Ids.seeded("event:second:" + i), second, ACCOUNT_CREATED, "application/json",
                    payload.getBytes(StandardCharsets.UTF_8), "203.0.113.20", Map.of(), at.minusSeconds(1), at,
                    labels), attemptIds);
        }
        return new Seeded(orgId, busy, second);
    }

    private static void upsert(SandboxStore store, UUID app, String name) {
        String[] parts = name.split("\\.");
        store.upsertEventType(app, parts[0], parts[1], parts[2]);
    }

    private static UUID subscribe(SandboxStore store, String key, UUID app, boolean enabled, List<String> types,
                                  String description, Map<String, String> metadata, Map<String, String> labels,
                                  Target target, Instant at) {
        UUID id = Ids.seeded("subscription:" + key);
        store.seedSubscription(new Subscription(id, app, enabled, types, description,
                Ids.seeded("secret:" + key), metadata, labels, target, List.of(), at, at, null));
        return id;
    }

    private static Event busyEvent(UUID app, int i, Instant receivedAt) {
        String type = List.of(INVOICE_PAID, INVOICE_FAILED, ACCOUNT_CREATED).get(i % 3);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("env", i % 5 == 4 ? "staging" : "production");
        labels.put("tenant", "t-" + (i % 4));
        String contentType = "application/json";
        String payload;
        if (i % 25 == 12) {
            contentType = "text/plain";
            payload = "plain text event #" + i;
        } else if (type.startsWith("billing")) {
            payload = String.format("{\"invoice_id\":\"inv_%04d\",\"amount_cents\":%d,\"currency\":\"EUR\"}",
                    i, 1000 + 37 * i);
        } else {
            payload = String.format("{\"user_id\":\"usr_%04d\",\"email\":\"user%d@example.com\"}", i, i);
        }
        return new Event(Ids.seeded("event:busy:" + i), app, type, contentType,
                payload.getBytes(StandardCharsets.UTF_8), "203.0.113.10", Map.of("source", "sandbox-seed"),
                receivedAt.minusSeconds(2), receivedAt, labels);
    }

    /**
     * One unfinished retry in each status Hook0 has for it (pending, inprogress, waiting), each after a failed
     * first attempt, as Hook0 only retries a failure: the last three staging events' first attempts failed with
     * HTTP 502 instead of succeeding.
     */
    private static void seedUnfinishedAttempts(SandboxStore store, UUID app, UUID subscription, List<Event> events,
                                               Instant start) {
        Instant at = start.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        List<String> kinds = List.of("pending", "inprogress", "waiting");
        for (int k = 0; k < kinds.size(); k++) {
            Event event = events.get(events.size() - kinds.size() + k);
            RequestAttempt first = store.attemptsOfEvent(event.id()).stream()
                    .filter(a -> a.subscriptionId().equals(subscription) && a.retryCount() == 0)
                    .findFirst().orElseThrow();
            store.seedResponse(new WebhookResponse(first.responseId(), app, "E_HTTP", 502,
                    Map.of("content-type", "text/plain"), "bad gateway: staging is redeploying", 31));
            store.seedAttempt(first.failed(first.succeededAt()));
            Instant created = at.plusSeconds(10L * k);
            UUID id = Ids.seeded("attempt:" + kinds.get(k));
            store.seedAttempt(switch (kinds.get(k)) {
                case "pending" -> new RequestAttempt(id, app, event.id(), subscription, created, null, null, null,
                        null, null, 1);
                case "inprogress" -> new RequestAttempt(id, app, event.id(), subscription, created,
                        created.plusSeconds(1), null, null, null, null, 1);
                default -> new RequestAttempt(id, app, event.id(), subscription, created, null, null, null,
                        start.plus(Duration.ofHours(1)), null, 1);
            });
        }
    }

    private static Supplier<UUID> counter(String prefix) {
        int[] n = {0};
        return () -> Ids.seeded(prefix + ":" + n[0]++);
    }
}

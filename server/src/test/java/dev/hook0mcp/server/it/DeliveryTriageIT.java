package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.sandbox.store.RequestAttempt;
import dev.hook0mcp.sandbox.store.Subscription;
import dev.hook0mcp.sandbox.store.WebhookResponse;
import dev.hook0mcp.server.hook0.FaultyHook0;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #12 over the seeded sandbox, with the server in this JVM (Streamable HTTP, MCP Java SDK client, real
 * Biscuit tokens) behind a {@link FaultyHook0} that forwards everything unless a test scripts a fault: the health
 * and failed-list figures equal those computed from the sandbox store itself for the same window; an expired
 * confirmation replays nothing; a 429 stops a replay and says what was and was not sent; read-only tokens get the
 * reads. The figures run first (the replays add attempts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryTriageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sandbox sandbox;
    private FaultyHook0 hook0;
    private final SettableClock clock = new SettableClock();
    private InProcessHttpServer server;
    private McpSyncClient root;
    private String app;
    private Instant since;
    private Instant until;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        hook0 = FaultyHook0.start(sandbox.baseUrl());
        // No shutdown grace: no call is in flight at the end, and a graceful stop holds even an idle server ~1 s.
        server = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", hook0.baseUrl(),
                "MCP_SHUTDOWN_GRACE_SECONDS", "0"), clock);
        root = server.streamableClient(sandbox.rootToken());
        app = sandbox.applicationId().toString();
        until = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        since = until.minus(Duration.ofHours(24));
    }

    @AfterAll
    void stop() throws Exception {
        root.closeGracefully();
        server.close();
        hook0.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void aWalkStoppedAtMaxAttemptsSaysSoAndHowFarItGot() throws Exception {
        int total = storeAttempts().size();
        int cap = 5;
        assertTrue(total > cap, "the seeded window holds more than " + cap + " attempts");
        Map<String, Object> capped = new HashMap<>(window());
        capped.put("max_attempts", cap);
        JsonNode health = ok(root.callTool(new McpSchema.CallToolRequest("get_delivery_health", capped)));
        assertFalse(health.path("complete").asBoolean(), health.toString());
        assertTrue(health.path("scanned").asInt() >= cap && health.path("scanned").asInt() < total, health.toString());
        assertFalse(health.path("stopped").asText().isBlank(), "says why it stopped early: " + health);
        assertEquals(health.path("scanned").asInt(), health.at("/totals/attempts").asInt(),
                "the figures cover exactly what was read");
    }

    @Test
    @Order(1)
    void healthFiguresEqualTheStoresForTheSameWindow() throws Exception {
        JsonNode health = ok(root.callTool(new McpSchema.CallToolRequest("get_delivery_health", window())));
        List<RequestAttempt> attempts = storeAttempts();
        assertTrue(health.path("complete").asBoolean(), health.toString());
        assertEquals(attempts.size(), health.path("scanned").asInt());
        assertEquals(since.toString(), health.at("/window/since").asText());
        JsonNode totals = health.path("totals");
        assertEquals(attempts.size(), totals.path("attempts").asInt());
        assertEquals(count(attempts, "successful"), totals.path("successful").asInt());
        assertEquals(count(attempts, "failed"), totals.path("failed").asInt());
        assertEquals(attempts.size() - count(attempts, "successful") - count(attempts, "failed"),
                totals.path("pending").asInt());
        Map<String, List<RequestAttempt>> pairs = pairs(attempts);
        assertEquals(pairs.values().stream().filter(this::unresolved).count(), totals.path("unresolved_deliveries").asLong());
        assertEquals(pairs.values().stream().filter(this::recovered).count(), totals.path("recovered_deliveries").asLong());

        Map<String, JsonNode> bySubscription = new HashMap<>();
        health.path("subscriptions").forEach(s -> bySubscription.put(s.path("subscription_id").asText(), s));
        List<Subscription> subscriptions = sandbox.store().subscriptions(sandbox.applicationId());
        assertEquals(subscriptions.size(), bySubscription.size(), "every subscription, also idle or disabled");
        Set<String> statuses = new TreeSet<>();
        for (Subscription sub : subscriptions) {
            JsonNode got = bySubscription.get(sub.id().toString());
            List<RequestAttempt> own = attempts.stream().filter(a -> a.subscriptionId().equals(sub.id())).toList();
            String where = sub.description() + ": " + got;
            assertEquals(own.size(), got.path("attempts").asInt(), where);
            assertEquals(count(own, "successful"), got.path("successful").asInt(), where);
            assertEquals(count(own, "failed"), got.path("failed").asInt(), where);
            assertEquals(expectedStatus(sub, own), got.path("status").asText(), where);
            statuses.add(got.path("status").asText());
            List<RequestAttempt> finished = own.stream().filter(a -> a.failedAt() != null || a.succeededAt() != null)
                    .toList();
            RequestAttempt lastFailure = finished.stream().filter(a -> a.failedAt() != null).findFirst().orElse(null);
            if (lastFailure == null) {
                assertFalse(got.has("last_failure"), where);
                continue;
            }
            assertEquals(lastFailure.failedAt(), instant(got.at("/last_failure/at")), where);
            assertEquals(cause(lastFailure), got.at("/last_failure/cause").asText(), where);
            Instant failingSince = null;
            for (RequestAttempt a : finished) {
                if (a.failedAt() == null) {
                    break;
                }
                failingSince = a.failedAt();
            }
            assertEquals(failingSince, got.has("failing_since") ? instant(got.get("failing_since")) : null, where);
            Map<String, Integer> causes = new TreeMap<>();
            for (RequestAttempt a : finished) {
                if (a.failedAt() != null) {
                    causes.merge(cause(a), 1, Integer::sum);
                }
            }
            JsonNode top = got.path("top_causes").get(0);
            assertEquals(causes.get(top.path("cause").asText()), top.path("count").asInt(), where);
            assertEquals(causes.values().stream().max(Integer::compare).orElseThrow(), top.path("count").asInt(), where);
        }
        assertEquals(Set.of("degraded", "disabled", "failing", "healthy"), statuses,
                "the seed shows always-failing, timing-out, recovered and disabled subscriptions");
        assertEquals("failing", health.at("/subscriptions/0/status").asText(), "worst first");
        assertTrue(health.toString().contains("E_TIMEOUT") && health.toString().contains("HTTP 500"), health.toString());
        assertTrue(health.path("next_steps").toString().contains("list_failed_deliveries"), health.toString());
    }

    @Test
    @Order(2)
    void failedListRowsEqualTheStoresUnresolvedPairsAcrossPages() throws Exception {
        Map<String, List<RequestAttempt>> pairs = pairs(storeAttempts());
        Map<String, Object> args = new LinkedHashMap<>(window());
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        List<Instant> order = new ArrayList<>();
        JsonNode page;
        int pages = 0;
        do {
            page = ok(root.callTool(new McpSchema.CallToolRequest("list_failed_deliveries", args)));
            assertTrue(page.path("items").size() <= 50);
            for (JsonNode row : page.path("items")) {
                String key = row.path("event_id").asText() + "|" + row.path("subscription_id").asText();
                assertFalse(rows.containsKey(key), "each pair once: " + key);
                rows.put(key, row);
                order.add(instant(row.get("last_attempt_at")));
            }
            args.put("cursor", page.path("next_cursor").asText());
            pages++;
        } while (page.hasNonNull("next_cursor") && pages < 10);
        for (int i = 1; i < order.size(); i++) {
            assertFalse(order.get(i).isAfter(order.get(i - 1)), "newest first");
        }

        Map<String, List<RequestAttempt>> unresolved = new TreeMap<>();
        pairs.forEach((k, v) -> {
            if (unresolved(v)) {
                unresolved.put(k, v);
            }
        });
        assertEquals(unresolved.keySet(), new TreeSet<>(rows.keySet()));
        assertEquals(unresolved.size(), page.path("failed").asInt());
        assertEquals(pairs.values().stream().filter(this::recovered).count(), page.path("recovered").asLong());
        boolean sawScheduled = false;
        boolean sawGaveUp = false;
        for (Map.Entry<String, List<RequestAttempt>> e : unresolved.entrySet()) {
            JsonNode row = rows.get(e.getKey());
            RequestAttempt latest = e.getValue().get(0);
            boolean scheduled = latest.failedAt() == null;
            assertEquals(scheduled, row.path("retry_scheduled").asBoolean(), row.toString());
            sawScheduled |= scheduled;
            sawGaveUp |= !scheduled;
            assertEquals(e.getValue().size(), row.path("attempts").asInt(), row.toString());
            RequestAttempt failure = e.getValue().stream().filter(a -> a.failedAt() != null).findFirst().orElse(null);
            if (failure != null) {
                assertEquals(cause(failure), row.path("cause").asText(), row.toString());
                assertEquals(String.valueOf(failure.responseId()), row.path("response_id").asText("null"), row.toString());
            }
        }
        assertTrue(sawScheduled && sawGaveUp, "the seed has retries scheduled and given up");
    }

    @Test
    @Order(3)
    void anExpiredConfirmationReplaysNothing() throws Exception {
        JsonNode dry = ok(root.callTool(new McpSchema.CallToolRequest("replay_failed_events", window())));
        String confirmation = dry.path("confirmation").asText();
        assertFalse(confirmation.isEmpty(), dry.toString());
        String before = sandbox.stateDigest();
        clock.advance(Duration.ofMinutes(11));
        sandbox.requestLog().clear();
        McpSchema.CallToolResult expired = root.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                Map.of("application_id", app, "dry_run", false, "confirmation", confirmation)));
        assertTrue(Boolean.TRUE.equals(expired.isError()), text(expired));
        assertTrue(text(expired).contains("expired"), text(expired));
        assertEquals(before, sandbox.stateDigest(), "an expired confirmation replays nothing");
        assertTrue(sandbox.requestLog().stream().noneMatch(r -> r.method().equals("POST")));
    }

    @Test
    @Order(4)
    void a429StopsTheReplayAndSaysWhatWasAndWasNotReplayed() throws Exception {
        JsonNode dry = ok(root.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                Map.of("application_id", app))));
        Set<String> sorted = new TreeSet<>();
        dry.path("groups").forEach(g -> g.path("event_ids").forEach(id -> sorted.add(id.asText())));
        List<String> ids = new ArrayList<>(sorted);
        assertTrue(ids.size() >= 3, dry.toString());
        hook0.on("POST", "/api/v1/events/" + ids.get(1) + "/replay", FaultyHook0.respond(429,
                Map.of("Content-Type", "application/problem+json", "Retry-After", "30"),
                "{\"id\":\"RateLimited\",\"title\":\"Too many requests\",\"detail\":\"slow down\",\"status\":429}"));
        try {
            sandbox.requestLog().clear();
            JsonNode done = ok(root.callTool(new McpSchema.CallToolRequest("replay_failed_events", Map.of(
                    "application_id", app, "dry_run", false, "confirmation", dry.path("confirmation").asText()))));
            assertEquals(1, done.path("replayed").asInt(), done.toString());
            assertEquals(ids.size() - 1, done.path("not_replayed").asInt(), done.toString());
            assertTrue(done.path("stopped").asText().contains("429"), done.toString());
            assertEquals(List.of(ids.get(0)), JSON.convertValue(done.path("replayed_ids"), List.class));
            assertEquals(ids.subList(1, ids.size()), JSON.convertValue(done.path("not_replayed_ids"), List.class),
                    "the event that got the 429 and every one after it are reported as not replayed");
            List<String> posted = sandbox.requestLog().stream().filter(r -> r.method().equals("POST"))
                    .map(RecordedRequest::path).toList();
            assertEquals(List.of("/api/v1/events/" + ids.get(0) + "/replay"), posted,
                    "nothing after the 429 reached Hook0");
        } finally {
            hook0.clear();
        }
    }

    @Test
    @Order(5)
    void readOnlyTokensGetTheNewReadsAndNeverTheWrites() throws Exception {
        String readOnly = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        try (McpSyncClient client = server.streamableClient(readOnly)) {
            Set<String> tools = new TreeSet<>();
            client.listTools().tools().forEach(t -> tools.add(t.name()));
            assertTrue(tools.containsAll(Set.of("get_delivery_health", "list_failed_deliveries")), tools.toString());
            assertFalse(tools.contains("replay_failed_events") || tools.contains("send_test_event"), tools.toString());
            JsonNode health = ok(client.callTool(new McpSchema.CallToolRequest("get_delivery_health",
                    Map.of("application_id", app))));
            assertFalse(health.path("next_steps").toString().contains("replay_failed_events"),
                    "next_steps name only tools this token has: " + health);
            JsonNode failed = ok(client.callTool(new McpSchema.CallToolRequest("list_failed_deliveries",
                    Map.of("application_id", app))));
            assertTrue(failed.path("failed").asInt() > 0, failed.toString());
            String health2 = text(client.readResource(new McpSchema.ReadResourceRequest(
                    "hook0://applications/" + app + "/health")));
            assertTrue(JSON.readTree(health2).path("subscriptions").size() > 0, health2);
        }
    }

    // ---- the same figures, computed from the sandbox store ---------------------------------------------------

    private Map<String, Object> window() {
        return Map.of("application_id", app, "since", since.toString(), "until", until.toString());
    }

    private List<RequestAttempt> storeAttempts() {
        return sandbox.store().attemptsCreatedBetween(sandbox.applicationId(), since, until);
    }

    private Instant now() {
        return Instant.now();
    }

    private long count(List<RequestAttempt> attempts, String status) {
        return attempts.stream().filter(a -> a.statusType(now()).equals(status)).count();
    }

    private static Map<String, List<RequestAttempt>> pairs(List<RequestAttempt> newestFirst) {
        Map<String, List<RequestAttempt>> pairs = new LinkedHashMap<>();
        for (RequestAttempt a : newestFirst) {
            pairs.computeIfAbsent(a.eventId() + "|" + a.subscriptionId(), k -> new ArrayList<>()).add(a);
        }
        return pairs;
    }

    private boolean unresolved(List<RequestAttempt> pair) {
        RequestAttempt latest = pair.get(0);
        if (latest.failedAt() != null) {
            return true;
        }
        return latest.succeededAt() == null
                && (latest.retryCount() > 0 || pair.stream().anyMatch(a -> a.failedAt() != null));
    }

    private boolean recovered(List<RequestAttempt> pair) {
        return pair.get(0).failedAt() == null && pair.get(0).succeededAt() != null
                && pair.stream().anyMatch(a -> a.failedAt() != null);
    }

    private String expectedStatus(Subscription sub, List<RequestAttempt> own) {
        List<RequestAttempt> finished = own.stream().filter(a -> a.failedAt() != null || a.succeededAt() != null)
                .toList();
        long ok = finished.stream().filter(a -> a.failedAt() == null).count();
        if (!sub.enabled()) {
            return "disabled";
        }
        if (finished.isEmpty()) {
            return "idle";
        }
        if (finished.get(0).failedAt() != null && ok < 0.5 * finished.size()) {
            return "failing";
        }
        return ok < finished.size() ? "degraded" : "healthy";
    }

    private String cause(RequestAttempt attempt) {
        if (attempt.responseId() == null) {
            return "no response recorded";
        }
        WebhookResponse r = sandbox.store().response(sandbox.applicationId(), attempt.responseId()).orElseThrow();
        return r.httpCode() != null ? "HTTP " + r.httpCode() : r.errorName();
    }

    private static Instant instant(JsonNode rfc3339) {
        return OffsetDateTime.parse(rfc3339.asText()).toInstant();
    }

    private static JsonNode ok(McpSchema.CallToolResult result) throws Exception {
        assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
        return JSON.readTree(text(result));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static String text(McpSchema.ReadResourceResult result) {
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }
}

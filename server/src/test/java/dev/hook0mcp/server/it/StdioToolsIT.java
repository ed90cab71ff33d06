package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.it.Results.error;
import static dev.hook0mcp.server.it.Results.ok;
import static dev.hook0mcp.server.it.Results.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real jar over stdio, a root token, the sandbox API: every tool works end to end, and bad input never
 * reaches Hook0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioToolsIT {

    private Sandbox sandbox;
    private InProcessServer server;
    private String org;
    private String app;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        server = InProcessServer.start(sandbox.baseUrl(), sandbox.rootToken(), Map.of());
        org = sandbox.organizationId().toString();
        app = sandbox.applicationId().toString();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private JsonNode call(String tool, Map<String, Object> args) {
        return ok(server.call(tool, args));
    }

    @Test
    void listsEveryToolWithExplicitAnnotationsAndSchemas() {
        List<McpSchema.Tool> tools = server.client.listTools().tools();
        assertEquals(ToolCatalog.standard().size(), tools.size());
        for (McpSchema.Tool tool : tools) {
            assertTrue(tool.name().matches("^[a-z0-9_]{1,32}$"), tool.name());
            McpSchema.ToolAnnotations a = tool.annotations();
            assertNotNull(a.readOnlyHint(), tool.name());
            assertNotNull(a.destructiveHint(), tool.name());
            // idempotentHint is served only where it says more than MCP's default: true, on a write
            assertTrue(a.idempotentHint() == null || (a.idempotentHint() && !a.readOnlyHint()), tool.name());
            assertNotNull(a.openWorldHint(), tool.name());
            assertEquals("object", tool.inputSchema().get("type"), tool.name());
            assertEquals("object", tool.outputSchema().get("type"), tool.name());
        }
        assertTrue(server.initialized.instructions().contains("mode full"), server.initialized.instructions());
    }

    @Test
    void everyToolWorksAgainstHook0() {
        Set<String> called = new HashSet<>();
        java.util.function.BiFunction<String, Map<String, Object>, JsonNode> run = (tool, args) -> {
            called.add(tool);
            return call(tool, args);
        };
        JsonNode orgs = run.apply("list_organizations", Map.of());
        assertEquals(org, orgs.at("/items/0/organization_id").asText());
        assertEquals(org, run.apply("get_organization", Map.of("organization_id", org)).get("organization_id").asText());
        assertTrue(run.apply("list_applications", Map.of("organization_id", org)).get("count").asInt() >= 2);
        assertEquals(app, run.apply("get_application", Map.of("application_id", app)).get("application_id").asText());

        JsonNode types = run.apply("list_event_types", Map.of("application_id", app));
        String typeName = types.at("/items/0/event_type_name").asText();
        assertEquals(typeName, run.apply("get_event_type", Map.of("application_id", app, "event_type_name", typeName))
                .get("event_type_name").asText());

        JsonNode subs = run.apply("list_subscriptions", Map.of("application_id", app));
        for (JsonNode sub : subs.get("items")) {
            assertTrue(sub.get("secret").asText().startsWith("[redacted"), "secrets are redacted by default");
        }
        String subId = subs.at("/items/0/subscription_id").asText();
        assertEquals(subId, run.apply("get_subscription", Map.of("subscription_id", subId)).get("subscription_id").asText());

        JsonNode events = run.apply("list_events", Map.of("application_id", app));
        assertEquals(100, events.get("count").asInt(), "Hook0 lists the latest 100 events");
        String eventId = events.at("/items/0/event_id").asText();
        JsonNode event = run.apply("get_event", Map.of("application_id", app, "event_id", eventId));
        assertTrue(event.has("payload_decoded") || event.has("payload"), event.toString());

        JsonNode attempts = run.apply("list_request_attempts", Map.of("application_id", app));
        assertEquals(50, attempts.get("count").asInt());
        assertTrue(attempts.has("next_cursor"));
        String attemptId = attempts.at("/items/0/request_attempt_id").asText();
        run.apply("get_request_attempt", Map.of("application_id", app, "request_attempt_id", attemptId));
        String responseId = null;
        for (JsonNode a : attempts.get("items")) {
            if (a.hasNonNull("response_id") && a.hasNonNull("http_response_status")) { // a timeout has no body
                responseId = a.get("response_id").asText();
                break;
            }
        }
        assertNotNull(responseId, "seeded attempts have responses");
        JsonNode response = run.apply("get_response", Map.of("application_id", app, "response_id", responseId));
        assertTrue(response.has("untrusted_notice"), "webhook responses are marked as outside data");

        run.apply("get_events_per_day", Map.of("application_id", app));
        run.apply("get_organization_events_per_day", Map.of("organization_id", org));
        JsonNode explained = run.apply("explain_event_delivery", Map.of("application_id", app, "event_id", eventId));
        assertTrue(explained.has("summary") && explained.has("status"), explained.toString());
        assertEquals(attemptsOf(eventId), explained.get("attempt_count").asInt(), "every attempt is read once");
        assertFalse(explained.get("summary").asText().contains("only the newest"), explained.toString());
        JsonNode info = run.apply("get_token_info", Map.of());
        assertEquals(org, info.get("organization_id").asText());
        assertEquals("full", info.get("mode").asText());

        // Writes, on a fresh application so the seeded data stays as it is.
        JsonNode created = run.apply("create_application", Map.of("organization_id", org, "name", "it-app"));
        String newApp = created.get("application_id").asText();
        assertEquals("it-app-2", run.apply("update_application",
                Map.of("application_id", newApp, "name", "it-app-2", "organization_id", org)).get("name").asText());
        run.apply("create_event_type", Map.of("application_id", newApp, "service", "shop", "resource_type", "order",
                "verb", "paid"));
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "http");
        target.put("method", "POST");
        target.put("url", "https://receiver.example/hook");
        target.put("headers", Map.of("X-Team", "billing"));
        JsonNode sub = run.apply("create_subscription", Map.of("application_id", newApp, "is_enabled", true,
                "event_types", List.of("shop.order.paid"), "labels", Map.of("tenant", "acme"), "target", target,
                "description", "it subscription"));
        String newSub = sub.get("subscription_id").asText();
        JsonNode updated = run.apply("update_subscription", Map.of("subscription_id", newSub, "description", "renamed"));
        assertEquals("renamed", updated.get("description").asText());
        assertEquals("https://receiver.example/hook", updated.at("/target/url").asText(), "untouched fields are kept");
        assertEquals("acme", updated.at("/labels/tenant").asText(), "untouched labels are kept");
        assertTrue(updated.get("is_enabled").asBoolean());
        // the target passed back as it was shown, secret header placeholder included: Hook0 keeps the real value
        String shown = updated.at("/target/headers/X-Team").asText();
        assertTrue(shown.startsWith("[redacted"), updated.toString());
        Map<String, Object> moved = new LinkedHashMap<>(target);
        moved.put("url", "https://receiver.example/moved");
        moved.put("headers", Map.of("X-Team", shown));
        sandbox.requestLog().clear();
        run.apply("update_subscription", Map.of("subscription_id", newSub, "target", moved));
        String put = sandbox.requestLog().entries().stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow().body();
        assertTrue(put.contains("\"X-Team\":\"billing\"") && put.contains("/moved") && !put.contains("redacted"), put);

        JsonNode ingested = run.apply("ingest_event", Map.of("application_id", newApp, "event_type", "shop.order.paid",
                "payload_json", Map.of("order", 42), "labels", Map.of("tenant", "acme")));
        String newEvent = ingested.get("event_id").asText();
        assertEquals(7, UUID.fromString(newEvent).version(), "a UUIDv7 is generated when event_id is absent");
        JsonNode replayed = run.apply("replay_event", Map.of("application_id", newApp, "event_id", newEvent));
        assertTrue(replayed.get("ok").asBoolean());
        JsonNode tested = run.apply("send_test_event", Map.of("application_id", newApp, "event_type", "shop.order.paid",
                "labels", Map.of("tenant", "acme"), "wait_seconds", 1));
        assertTrue(tested.hasNonNull("event_id"), tested.toString());
        JsonNode dryRun = run.apply("replay_failed_events", Map.of("application_id", app));
        assertTrue(dryRun.has("confirmation") && dryRun.has("groups"), dryRun.toString());
        JsonNode health = run.apply("get_delivery_health", Map.of("application_id", app));
        assertTrue(health.path("subscriptions").size() > 0, health.toString());
        JsonNode failed = run.apply("list_failed_deliveries", Map.of("application_id", app));
        assertTrue(failed.path("failed").asInt() > 0, failed.toString());
        assertTrue(run.apply("delete_subscription", Map.of("application_id", newApp, "subscription_id", newSub))
                .get("message").asText().contains(newSub));
        run.apply("delete_event_type", Map.of("application_id", newApp, "event_type_name", "shop.order.paid"));
        run.apply("delete_application", Map.of("application_id", newApp));

        Set<String> all = new HashSet<>(server.toolNames());
        all.removeAll(called);
        assertEquals(Set.of(), all, "every tool was called successfully");
    }

    /** The attempts of one event, counted straight from the sandbox API (all pages). */
    private int attemptsOf(String eventId) {
        int count = 0;
        String cursor = null;
        do {
            Map<String, Object> args = new LinkedHashMap<>(Map.of("application_id", app, "event_id", eventId));
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            JsonNode page = call("list_request_attempts", args);
            count += page.get("count").asInt();
            cursor = page.get("count").asInt() == 0 ? null : page.path("next_cursor").asText(null);
        } while (cursor != null);
        return count;
    }

    @Test
    void aFailedDeliveryIsExplainedWithTheReceiversAnswer() {
        JsonNode attempts = call("list_request_attempts", Map.of("application_id", app));
        String failedEvent = null;
        for (JsonNode a : attempts.get("items")) {
            if (a.at("/status/type").asText().equals("failed") && a.path("http_response_status").asInt() == 500) {
                failedEvent = a.at("/event/event_id").asText();
                break;
            }
        }
        assertNotNull(failedEvent, "the seeded busy application has deliveries that failed with HTTP 500");
        JsonNode explained = call("explain_event_delivery", Map.of("application_id", app, "event_id", failedEvent));
        assertEquals(attemptsOf(failedEvent), explained.get("attempt_count").asInt());
        assertTrue(Set.of("failed", "partially_failed", "in_progress").contains(explained.get("status").asText()),
                explained.toString());
        JsonNode failing = null;
        for (JsonNode s : explained.get("subscriptions")) {
            if (s.has("failure_reason") && s.path("latest_response").has("http_code")) {
                failing = s;
            }
        }
        assertNotNull(failing, explained.toString());
        assertTrue(failing.get("failure_reason").asText().contains("HTTP 500"), failing.toString());
        assertEquals(500, failing.at("/latest_response/http_code").asInt());
        assertTrue(explained.get("untrusted_notice").asText().contains("latest_response.body"));
    }

    @Test
    void hook0ErrorsComeBackAsActionableResults() {
        JsonNode notFound = error(server.call("get_event",
                Map.of("application_id", app, "event_id", "00000000-0000-0000-0000-000000000001")));
        assertEquals(404, notFound.get("status").asInt());
        assertTrue(notFound.has("next_step"));

        JsonNode invalid = error(server.call("create_event_type",
                Map.of("application_id", app, "service", "a", "resource_type", "b", "verb", " \u0007")));
        // Either the schema or Hook0 refuses it; when Hook0 does, its validation map is passed on.
        assertTrue(invalid.has("validation") || invalid.has("problems"), invalid.toString());

        JsonNode forbidden = error(server.call("get_application",
                Map.of("application_id", "00000000-0000-4000-8000-000000000000")));
        assertEquals(403, forbidden.get("status").asInt());
        assertEquals("Forbidden", forbidden.get("problem_id").asText());
        assertTrue(forbidden.get("next_step").asText().contains("application:get"));
    }

    @Test
    void hook0ValidationFieldsReachTheResult() {
        // The URL passes the tool's schema (a string) but not Hook0's validator: its 422 fields must reach the caller.
        JsonNode result = error(server.call("create_subscription", Map.of("application_id", app, "is_enabled", true,
                "event_types", List.of("billing.invoice.paid"), "labels", Map.of("k", "v"),
                "target", Map.of("type", "http", "method", "POST", "url", "https://", "headers", Map.of()))));
        assertEquals(422, result.get("status").asInt(), result.toString());
        assertEquals("Validation", result.get("problem_id").asText());
        assertTrue(result.get("validation").toString().contains("url"), result.toString());
    }

    @Test
    void paginationWalksEveryAttemptOfTheBusyApplication() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("application_id", app);
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            JsonNode page = call("list_request_attempts", args);
            for (JsonNode item : page.get("items")) {
                assertTrue(ids.add(item.get("request_attempt_id").asText()), "no attempt is listed twice");
            }
            cursor = page.path("next_cursor").asText(null);
            pages++;
            if (page.get("count").asInt() == 0) {
                break;
            }
        } while (cursor != null && pages < 50);
        assertTrue(ids.size() > 60, "the seeded application has more than 60 attempts: " + ids.size());
        assertTrue(pages >= 2);
    }

    @Test
    void traversalAndUnknownArgumentsNeverReachHook0() {
        sandbox.requestLog().clear();
        for (String bad : new String[] {"../organizations", "a/b", "%2e%2e", ".."}) {
            JsonNode e = error(server.call("get_event_type", Map.of("application_id", app, "event_type_name", bad)));
            assertTrue(e.toString().contains("event_type_name"), e.toString());
        }
        JsonNode unknown = error(server.call("list_events", Map.of("application_id", app, "limit", 5)));
        assertTrue(unknown.toString().contains("unknown argument 'limit'"), unknown.toString());
        JsonNode badUuid = error(server.call("get_application", Map.of("application_id", "not-a-uuid")));
        assertTrue(badUuid.toString().contains("UUID"), badUuid.toString());
        assertEquals(List.of(), sandbox.requestLog().entries(), "no request was sent");
    }

    @Test
    void ingestRetriedWithTheSameIdYieldsOneEvent() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> args = Map.of("application_id", app, "event_type", "billing.invoice.paid",
                "payload", "hello", "labels", Map.of("tenant", "acme"), "event_id", id);
        JsonNode first = call("ingest_event", args);
        assertEquals(id, first.get("event_id").asText());
        JsonNode second = call("ingest_event", args);
        assertTrue(second.get("already_ingested").asBoolean(), second.toString());
        long copies = 0;
        for (JsonNode e : call("list_events", Map.of("application_id", app)).get("items")) {
            if (e.get("event_id").asText().equals(id)) {
                copies++;
            }
        }
        assertEquals(1, copies);
    }

    @Test
    void theExactTokenReachesHook0AndNeverTheLogs() {
        sandbox.requestLog().clear();
        call("list_event_types", Map.of("application_id", app));
        var entries = sandbox.requestLog().entries();
        assertEquals(1, entries.size());
        assertEquals("Bearer " + sandbox.rootToken(), entries.get(0).header("authorization"));
        assertTrue(entries.get(0).header("user-agent").startsWith("hook0-mcp/"));
        assertFalse(server.stderr().contains(sandbox.rootToken()), "the token is never logged");
        assertFalse(server.stderr().contains(sandbox.rootToken().substring(0, 40)));
    }

    @Test
    void callingAToolWithNoArgumentsObjectWorks() {
        McpSchema.CallToolResult r = server.client.callTool(new McpSchema.CallToolRequest("list_organizations", null));
        assertFalse(Boolean.TRUE.equals(r.isError()), text(r));
    }
}

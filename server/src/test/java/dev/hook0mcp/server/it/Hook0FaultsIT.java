package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.hook0.FaultyHook0.html;
import static dev.hook0mcp.server.hook0.FaultyHook0.huge;
import static dev.hook0mcp.server.hook0.FaultyHook0.resetAfterStatusLine;
import static dev.hook0mcp.server.hook0.FaultyHook0.respond;
import static dev.hook0mcp.server.hook0.FaultyHook0.truncated;
import static dev.hook0mcp.server.it.Results.error;
import static dev.hook0mcp.server.it.Results.ok;
import static dev.hook0mcp.server.it.Results.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.hook0.FaultyHook0;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real jar (stdio, a 64 MB heap, a 5 s call deadline) against a Hook0 that misbehaves: answers that are not
 * JSON, cut-off and oversized bodies, lost answers to writes and endless 503s. Every call gets an error result that
 * names what went wrong and what to do, and the server keeps serving. A hang and a long Retry-After, which wait
 * for the call deadline itself, are in {@link CallDeadlineIT}, on a server with a 1 s deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hook0FaultsIT {

    private static final String APPS = "/api/v1/applications";

    private Sandbox sandbox;
    private FaultyHook0 hook0;
    private ServerJar server;
    private String org;
    private String app;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        hook0 = FaultyHook0.start(sandbox.baseUrl());
        server = ServerJar.start(hook0.baseUrl(), sandbox.rootToken(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m",
                "HOOK0_CALL_TIMEOUT_SECONDS", "5"));
        org = sandbox.organizationId().toString();
        app = sandbox.applicationId().toString();
    }

    @AfterEach
    void reset() {
        hook0.clear();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        hook0.close();
        sandbox.close();
    }

    private McpSchema.CallToolResult listApplications() {
        return server.call("list_applications", Map.of("organization_id", org));
    }

    /** The error's details: the JSON after the message line of the text (also there without structuredContent). */
    private static JsonNode details(McpSchema.CallToolResult result) {
        error(result);
        String text = text(result);
        try {
            return Results.JSON.readTree(text.substring(text.indexOf('\n') + 1));
        } catch (Exception e) {
            throw new AssertionError("no JSON details in: " + text, e);
        }
    }

    private void assertNamesTheApiUrl(McpSchema.CallToolResult result, String expected) {
        error(result);
        String text = text(result);
        assertTrue(text.contains("Hook0 at " + hook0.baseUrl()) && text.contains("check HOOK0_API_URL"), text);
        assertTrue(text.contains(expected), text);
        assertFalse(text.contains("\"count\":0"), text);
    }

    @Test
    void anHtmlPageOrBrokenJsonAnsweredWith200IsAnErrorNamingTheApiUrl() {
        hook0.on("GET", APPS, html(200));
        assertNamesTheApiUrl(listApplications(), "answered 200 with something that is not JSON (text/html");

        hook0.on("GET", APPS, respond(200, Map.of("Content-Type", "application/json"), "[{\"application_id\":"));
        assertNamesTheApiUrl(listApplications(), "not JSON (application/json");

        hook0.on("GET", APPS + "/" + app, respond(200, Map.of(), ""));
        assertNamesTheApiUrl(server.call("get_application", Map.of("application_id", app)), "empty body");

        hook0.on("GET", APPS, respond(200, Map.of("Content-Type", "application/json"), "{\"status\":\"ok\"}"));
        assertNamesTheApiUrl(listApplications(), "a JSON array was expected");
    }

    @Test
    void aTokenEchoedInAnAnswerNeverReachesTheAssistant() {
        String token = sandbox.rootToken();
        hook0.on("GET", APPS, respond(403, Map.of("Content-Type", "application/problem+json"),
                "{\"id\":\"Forbidden\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Bearer " + token
                        + " may not list applications\"}"));
        McpSchema.CallToolResult echoed = listApplications();
        error(echoed);
        assertFalse(text(echoed).contains(token.substring(0, 24)), text(echoed));
        assertTrue(text(echoed).contains("may not list applications"), "the rest of the detail stays: " + text(echoed));
        // an excerpt of an unreadable answer, cut short inside the token
        hook0.on("GET", APPS, respond(200, Map.of("Content-Type", "text/plain"), "Authorization: Bearer "
                + token.substring(0, 60)));
        McpSchema.CallToolResult excerpt = listApplications();
        error(excerpt);
        assertFalse(text(excerpt).contains(token.substring(0, 24)), text(excerpt));
    }

    @Test
    void aBodyCutShortOfItsContentLengthIsAnError() {
        hook0.on("GET", APPS, truncated(200, 5_000, "[{\"application_id\":\"" + app + "\""));
        McpSchema.CallToolResult result = listApplications();
        error(result);
        assertTrue(text(result).contains("the connection broke before a complete answer was read; check"
                + " HOOK0_API_URL"), text(result));
    }

    @Test
    void aNoContentAnswerStillConfirmsAnEmptyShapedTool() {
        String subscription = java.util.UUID.randomUUID().toString();
        hook0.on("DELETE", "/api/v1/subscriptions/" + subscription, respond(204, Map.of(), ""));
        JsonNode done = ok(server.call("delete_subscription", Map.of("subscription_id", subscription,
                "application_id", app)));
        assertTrue(done.path("ok").asBoolean(), done.toString());
    }

    @Test
    void anHtml201ToIngestIsNotReportedAsIngested() {
        hook0.on("POST", "/api/v1/event", html(201));
        McpSchema.CallToolResult result = server.call("ingest_event", Map.of("application_id", app,
                "event_type", "billing.invoice.paid", "labels", Map.of("tenant", "acme"), "payload_json", Map.of()));
        JsonNode err = details(result);
        String text = text(result);
        assertTrue(text.contains("check HOOK0_API_URL"), text);
        String eventId = err.path("event_id").asText();
        assertEquals(36, eventId.length(), text);
        assertTrue(text.contains("It may have been ingested: call get_event with event_id=" + eventId), text);
    }

    @Test
    void aConnectionResetAfter201ToIngestNamesTheEventIdToCheck() {
        hook0.on("POST", "/api/v1/event", resetAfterStatusLine(201));
        McpSchema.CallToolResult result = server.call("ingest_event", Map.of("application_id", app,
                "event_type", "billing.invoice.paid", "labels", Map.of("tenant", "acme"), "payload", "hello"));
        JsonNode err = details(result);
        String text = text(result);
        String eventId = err.path("event_id").asText();
        assertEquals(36, eventId.length(), text);
        assertTrue(err.path("may_have_been_applied").asBoolean(), text);
        assertTrue(text.contains("It may have been ingested: call get_event with event_id=" + eventId), text);
        assertTrue(text.contains("retry ingest_event with the same event_id: a duplicate is refused, not created"
                + " twice"), text);
        assertEquals(1, hook0.count("POST", "/api/v1/event"), "a POST whose answer was lost is not re-sent");
    }

    @Test
    void anUnreadableOrLostAnswerToAWriteSaysHowToCheckBeforeRetrying() {
        hook0.on("POST", APPS, html(201));
        McpSchema.CallToolResult created = server.call("create_application", Map.of("organization_id", org,
                "name", "billing-prod"));
        JsonNode err = details(created);
        assertTrue(err.path("may_have_been_applied").asBoolean(), text(created));
        assertTrue(text(created).contains("It may have been created: call list_applications (look for"
                + " name=\\\"billing-prod\\\")"), text(created));

        JsonNode subscriptions = ok(server.call("list_subscriptions", Map.of("application_id", app)));
        String subscription = subscriptions.path("items").get(0).path("subscription_id").asText();
        hook0.on("PUT", "/api/v1/subscriptions/" + subscription, resetAfterStatusLine(200));
        McpSchema.CallToolResult updated = server.call("update_subscription", Map.of("subscription_id", subscription,
                "description", "paused for maintenance"));
        error(updated);
        assertTrue(text(updated).contains("It may have been changed: read it back with get_subscription"
                + " (subscription_id=" + subscription), text(updated));

        hook0.on("DELETE", "/api/v1/subscriptions/" + subscription, respond(502, Map.of(), "bad gateway"));
        McpSchema.CallToolResult deleted = server.call("delete_subscription", Map.of("subscription_id", subscription,
                "application_id", app));
        error(deleted);
        assertTrue(text(deleted).contains("It may have been deleted: get_subscription (subscription_id="
                + subscription), text(deleted));

        hook0.on("POST", APPS, respond(422, Map.of("Content-Type", "application/json"),
                "{\"id\":\"Validation\",\"title\":\"bad\",\"status\":422}"));
        JsonNode refused = details(server.call("create_application", Map.of("organization_id", org, "name", "xy")));
        assertFalse(refused.path("may_have_been_applied").asBoolean(true), refused.toString());
        assertTrue(refused.path("next_step").asText().contains("nothing was changed"), refused.toString());
    }

    @Test
    void a50MegabyteAnswerIsRefusedWithoutLoadingItAndTheServerKeepsServing() {
        hook0.on("GET", APPS, huge(200, 50L * 1024 * 1024));
        McpSchema.CallToolResult result = listApplications();
        error(result);
        assertTrue(text(result).contains("Hook0 answered more than 8388608 bytes"), text(result));
        hook0.clear();
        assertTrue(ok(listApplications()).path("count").asInt() > 0, "the server still serves");
        assertFalse(server.stderr().contains("OutOfMemoryError"), server.stderr());
    }

    @Test
    void largeAnswersThatArriveTogetherAreHandledOneAfterTheOtherAndAllAnswered() throws Exception {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; list.length() < 5 * 1024 * 1024; i++) {
            list.append(i == 0 ? "" : ",").append(String.format("{\"application_id\":\"%s\",\"organization_id\":"
                    + "\"%s\",\"name\":\"application %06d of a very large organization\"}", app, org, i));
        }
        hook0.on("GET", APPS, respond(200, Map.of("Content-Type", "application/json"), list.append(']').toString()));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<McpSchema.CallToolResult>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(this::listApplications));
            }
            for (Future<McpSchema.CallToolResult> call : calls) {
                assertTrue(ok(call.get(60, TimeUnit.SECONDS)).path("count").asInt() > 0, "every call has its result");
            }
        } finally {
            callers.shutdownNow();
        }
        assertFalse(server.stderr().contains("out of memory"), server.stderr());
    }

    @Test
    void oneAttemptIsOneRequestOnTheWireAndOnlyReadsAreRetried() {
        hook0.on("GET", APPS, respond(503, Map.of("Retry-After", "0"), "{\"id\":\"ServiceUnavailable\"}"));
        error(listApplications());
        assertEquals(3, hook0.count("GET", APPS), "one request and at most 2 retries");

        hook0.on("POST", APPS, respond(503, Map.of("Retry-After", "0"), "{\"id\":\"ServiceUnavailable\"}"));
        error(server.call("create_application", Map.of("organization_id", org, "name", "never-twice")));
        assertEquals(1, hook0.count("POST", APPS), "a write goes out exactly once");

        hook0.on("GET", APPS + "/" + app, respond(408, Map.of(), ""));
        error(server.call("get_application", Map.of("application_id", app)));
        assertEquals(1, hook0.count("GET", APPS + "/" + app), "408 is not re-sent behind our back");
    }
}

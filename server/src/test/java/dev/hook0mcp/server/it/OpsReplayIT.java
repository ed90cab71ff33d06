package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 items 3–6 end to end: the real jar over stdio, the MCP Java SDK client (with and without an
 * elicitation handler), the in-process sandbox with real Biscuit tokens.
 */
class OpsReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDryRunChangesNothingAndItsConfirmationReplaysExactlyThatSetOnce() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                McpSyncClient client = client(sandbox.baseUrl(), sandbox.rootToken(), null, null, null)) {
            String app = sandbox.applicationId().toString();
            String before = sandbox.stateDigest();
            sandbox.requestLog().clear();
            JsonNode dry = ok(client.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                    Map.of("application_id", app))));
            assertEquals(before, sandbox.stateDigest(), "a dry run changes nothing");
            assertTrue(sandbox.requestLog().stream().allMatch(r -> r.method().equals("GET")), "a dry run only reads");
            assertTrue(dry.path("dry_run").asBoolean());
            Set<String> listed = new TreeSet<>();
            dry.path("groups").forEach(g -> g.path("event_ids").forEach(id -> listed.add(id.asText())));
            assertEquals(dry.path("count").asInt(), listed.size(), "each event in one group: " + dry);
            assertFalse(listed.isEmpty(), "the seed has failures in the last 24 h: " + dry);
            dry.path("groups").forEach(g -> g.path("failed_to").forEach(failed -> {
                assertTrue(g.path("would_be_sent_to").toString().contains(failed.asText()),
                        "a failed subscription that still matches gets the event again: " + g);
                assertTrue(dry.path("subscriptions").has(failed.asText()), "each subscription is named: " + dry);
            }));
            assertTrue(dry.path("subscriptions").toString().contains("crm.acme.example"), dry.toString());
            String confirmation = dry.path("confirmation").asText();

            McpSchema.CallToolResult wrong = client.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                    Map.of("application_id", app, "dry_run", false, "confirmation", confirmation + "x")));
            assertTrue(Boolean.TRUE.equals(wrong.isError()), wrong.toString());
            assertEquals(before, sandbox.stateDigest(), "a wrong confirmation replays nothing");

            McpSchema.CallToolResult unconfirmed = client.callTool(new McpSchema.CallToolRequest(
                    "replay_failed_events", Map.of("application_id", app, "dry_run", false)));
            assertTrue(Boolean.TRUE.equals(unconfirmed.isError()), "no confirmation, no elicitation: refused");
            assertEquals(before, sandbox.stateDigest());

            sandbox.requestLog().clear();
            JsonNode done = ok(client.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                    Map.of("application_id", app, "dry_run", false, "confirmation", confirmation))));
            Set<String> replayed = new TreeSet<>();
            List<String> posts = new ArrayList<>();
            for (RecordedRequest r : sandbox.requestLog()) {
                if (r.method().equals("POST")) {
                    posts.add(r.path());
                    replayed.add(r.path().replaceAll(".*/events/([^/]+)/replay", "$1"));
                }
            }
            assertEquals(listed, replayed, "the replay touches exactly what the dry run listed");
            assertEquals(listed.size(), posts.size(), "each event once");
            assertEquals(listed.size(), done.path("replayed").asInt(), done.toString());
            assertNotEquals(before, sandbox.stateDigest());

            String after = sandbox.stateDigest();
            McpSchema.CallToolResult reused = client.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                    Map.of("application_id", app, "dry_run", false, "confirmation", confirmation)));
            assertTrue(Boolean.TRUE.equals(reused.isError()), reused.toString());
            assertTrue(text(reused).contains("already used"), text(reused));
            assertEquals(after, sandbox.stateDigest(), "a reused confirmation replays nothing");

            sandbox.requestLog().clear();
            McpSchema.CallToolResult backwards = client.callTool(new McpSchema.CallToolRequest("replay_failed_events",
                    Map.of("application_id", app, "since", "2026-12-02T00:00:00Z", "until", "2026-12-01T00:00:00Z")));
            assertTrue(Boolean.TRUE.equals(backwards.isError()), backwards.toString());
            assertEquals(List.of(), sandbox.requestLog().entries(), "a window ending before it starts sends nothing");
        }
    }

    @Test
    void withElicitationADeclinedDeleteSendsNothingAndAnAcceptedOneDeletes() throws Exception {
        AtomicReference<McpSchema.ElicitResult.Action> answer = new AtomicReference<>(McpSchema.ElicitResult.Action.DECLINE);
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        try (Sandbox sandbox = Sandbox.start(0);
                McpSyncClient client = client(sandbox.baseUrl(), sandbox.rootToken(), request -> {
                    asked.add(request.message());
                    return new McpSchema.ElicitResult(answer.get(), answer.get() == McpSchema.ElicitResult.Action.ACCEPT
                            ? Map.of("confirm", true) : null);
                }, null, null)) {
            String app = sandbox.applicationId().toString();
            String before = sandbox.stateDigest();
            sandbox.requestLog().clear();
            McpSchema.CallToolResult declined = client.callTool(new McpSchema.CallToolRequest("delete_event_type",
                    Map.of("application_id", app, "event_type_name", "billing.invoice.failed")));
            assertTrue(Boolean.TRUE.equals(declined.isError()), declined.toString());
            assertTrue(text(declined).contains("not confirmed"), text(declined));
            assertEquals(List.of(), sandbox.requestLog().entries(), "a declined delete sends no request");
            assertEquals(before, sandbox.stateDigest());
            assertTrue(asked.get(0).contains("billing.invoice.failed"), "the form names what goes: " + asked);

            answer.set(McpSchema.ElicitResult.Action.ACCEPT);
            McpSchema.CallToolResult accepted = client.callTool(new McpSchema.CallToolRequest("delete_event_type",
                    Map.of("application_id", app, "event_type_name", "billing.invoice.failed")));
            assertFalse(Boolean.TRUE.equals(accepted.isError()), accepted.toString());
            assertNotEquals(before, sandbox.stateDigest(), "accepted: deleted");

            // an executing replay without a dry run: the form says what goes where
            answer.set(McpSchema.ElicitResult.Action.DECLINE);
            String beforeReplay = sandbox.stateDigest();
            McpSchema.CallToolResult replayDeclined = client.callTool(new McpSchema.CallToolRequest(
                    "replay_failed_events", Map.of("application_id", app, "dry_run", false)));
            assertTrue(Boolean.TRUE.equals(replayDeclined.isError()), replayDeclined.toString());
            assertEquals(beforeReplay, sandbox.stateDigest());
            assertTrue(asked.get(asked.size() - 1).contains("crm.acme.example"), asked.get(asked.size() - 1));
        }
    }

    @Test
    void onlyATickedBoxDeletesAndAFormTheClientCannotAnswerSendsNothing() throws Exception {
        List<java.util.function.Supplier<McpSchema.ElicitResult>> answers = List.of(
                () -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, null),
                () -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of()),
                () -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", "true")),
                () -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", 1)),
                () -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("other", true)));
        AtomicReference<java.util.function.Supplier<McpSchema.ElicitResult>> answer = new AtomicReference<>();
        try (Sandbox sandbox = Sandbox.start(0);
                McpSyncClient client = client(sandbox.baseUrl(), sandbox.rootToken(), request -> answer.get().get(),
                        null, null)) {
            String app = sandbox.applicationId().toString();
            String before = sandbox.stateDigest();
            for (int i = 0; i < answers.size(); i++) {
                answer.set(answers.get(i));
                sandbox.requestLog().clear();
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("delete_application",
                        Map.of("application_id", app)));
                assertTrue(Boolean.TRUE.equals(result.isError()), "answer " + i + ": " + result);
                assertTrue(text(result).contains("not confirmed") && text(result).contains("Nothing was sent"),
                        "answer " + i + ": " + text(result));
                assertFalse(text(result).contains("may_have_been_applied"), "answer " + i + ": " + text(result));
                assertTrue(sandbox.requestLog().entries().stream().noneMatch(e -> e.method().equals("DELETE")),
                        "answer " + i + " sends no DELETE: " + sandbox.requestLog().entries());
                assertEquals(before, sandbox.stateDigest(), "answer " + i);
            }
        }
    }

    @Test
    void aFormAnsweredWithAnErrorIsNotConfirmedAndSendsNothing() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                InProcessServer.Lines server = InProcessServer.lines(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                        "HOOK0_API_TOKEN", sandbox.rootToken()))) {
            server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"raw\","
                    + "\"version\":\"1\"}}}");
            awaitId(server, "1");
            server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String before = sandbox.stateDigest();
            sandbox.requestLog().clear();
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"delete_application\",\"arguments\":{\"application_id\":\"" + sandbox.applicationId() + "\"}}}");
            JsonNode form = awaitMethod(server, "elicitation/create");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":" + form.get("id") + ",\"error\":{\"code\":-32603,"
                    + "\"message\":\"the form could not be shown\"}}");
            JsonNode answer = awaitId(server, "2");
            String text = answer.at("/result/content/0/text").asText();
            assertTrue(answer.at("/result/isError").asBoolean(), answer.toString());
            assertTrue(text.contains("not confirmed") && text.contains("Nothing was sent")
                    && !text.contains("may_have_been_applied"), text);
            assertTrue(sandbox.requestLog().entries().stream().noneMatch(e -> e.method().equals("DELETE")));
            assertEquals(before, sandbox.stateDigest());
        }
    }

    private static JsonNode awaitId(InProcessServer.Lines server, String id) throws Exception {
        return await(server, m -> id.equals(m.path("id").asText(null)) && !m.has("method"), "the answer to " + id);
    }

    private static JsonNode awaitMethod(InProcessServer.Lines server, String method) throws Exception {
        return await(server, m -> method.equals(m.path("method").asText(null)), method);
    }

    private static JsonNode await(InProcessServer.Lines server, java.util.function.Predicate<JsonNode> wanted,
            String what) throws Exception {
        for (String line = server.readLine(); line != null; line = server.readLine()) {
            JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            if (wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no " + what);
    }

    @Test
    void aClientThatOnlyOpensUrlsIsNotShownAFormAndDeletesAsWithoutElicitation() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                McpSyncClient client = InProcessServer.start(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                        "HOOK0_API_TOKEN", sandbox.rootToken()), Clock.systemUTC(), spec -> spec
                        .capabilities(McpSchema.ClientCapabilities.builder().elicitation(false, true).build())
                        .urlElicitation(request -> {
                            throw new AssertionError("no URL to open: " + request);
                        })).client) {
            McpSchema.CallToolResult deleted = client.callTool(new McpSchema.CallToolRequest("delete_event_type",
                    Map.of("application_id", sandbox.applicationId().toString(), "event_type_name",
                            "billing.invoice.failed")));
            assertFalse(Boolean.TRUE.equals(deleted.isError()), deleted.toString());
        }
    }

    @Test
    void withoutElicitationDeletesBehaveAsBefore() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                McpSyncClient client = client(sandbox.baseUrl(), sandbox.rootToken(), null, null, null)) {
            McpSchema.CallToolResult deleted = client.callTool(new McpSchema.CallToolRequest("delete_event_type",
                    Map.of("application_id", sandbox.applicationId().toString(), "event_type_name",
                            "billing.invoice.failed")));
            assertFalse(Boolean.TRUE.equals(deleted.isError()), deleted.toString());
        }
    }

    @Test
    void sendTestEventReportsEachSubscriptionWithProgress() throws Exception {
        List<McpSchema.ProgressNotification> progress = Collections.synchronizedList(new ArrayList<>());
        try (Sandbox sandbox = Sandbox.start(0);
                McpSyncClient client = client(sandbox.baseUrl(), sandbox.rootToken(), null, progress::add, null)) {
            String app = sandbox.applicationId().toString();
            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder()
                    .name("send_test_event")
                    .arguments(Map.of("application_id", app, "event_type", "billing.invoice.paid",
                            "labels", Map.of("env", "production"), "wait_seconds", 10))
                    .progressToken("t-1").build());
            JsonNode body = ok(result);
            assertEquals("partially_failed", body.path("status").asText(), body.toString());
            String subs = body.path("subscriptions").toString();
            assertTrue(subs.contains("\"status\":\"failed\"") && subs.contains("\"http_status\":500"), subs);
            assertTrue(subs.contains("\"status\":\"successful\"") && subs.contains("\"http_status\":200"), subs);
            assertTrue(subs.contains("upstream exploded"), "the receiver's answer is shown: " + subs);
            assertFalse(progress.isEmpty(), "notifications/progress arrived");
            assertEquals("t-1", progress.get(0).progressToken());

            McpSchema.CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("send_test_event",
                    Map.of("application_id", app, "event_type", "no.such.type")));
            assertTrue(Boolean.TRUE.equals(unknown.isError()));
            assertTrue(text(unknown).contains("billing.invoice.paid"), "lists the types: " + text(unknown));

            // no labels given: the default ones match no subscription, and the answer says what to pass instead
            JsonNode nobody = ok(client.callTool(new McpSchema.CallToolRequest("send_test_event",
                    Map.of("application_id", app, "event_type", "billing.invoice.paid", "wait_seconds", 1))));
            assertEquals("no_subscription", nobody.path("status").asText(), nobody.toString());
            assertTrue(nobody.path("message").asText().contains("the labels used when none are given")
                    && nobody.path("message").asText().contains("list_subscriptions"), nobody.toString());
        }
    }

    @Test
    void theToolListFollowsTheTokensExpiry() throws Exception {
        // Hook0 and the server read one clock, which the test moves past the expiry instead of waiting for it.
        SettableClock clock = new SettableClock();
        try (Sandbox sandbox = Sandbox.start(0, clock)) {
            Instant expiry = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            String token = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().expiresAt(expiry));
            CountDownLatch changed = new CountDownLatch(1);
            try (McpSyncClient client = client(sandbox.baseUrl(), token, clock, null, null,
                    tools -> changed.countDown())) {
                assertTrue(client.listTools().tools().size() > 1);
                assertEquals(200, statusOf(sandbox, token), "Hook0 accepts the token before its expiry");

                clock.advance(Duration.between(clock.instant(), expiry).plusSeconds(2));
                assertEquals(403, statusOf(sandbox, token), "Hook0 refuses the token after its expiry");
                assertTrue(changed.await(30, TimeUnit.SECONDS), "list_changed after the expiry");
                assertEquals(List.of("get_token_info"), names(client.listTools().tools()));
                assertTrue(text(client.callTool(new McpSchema.CallToolRequest("get_token_info", Map.of())))
                        .contains("expired"));
            }
        }
    }

    @Test
    void theToolListFollowsARevocation() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0)) {
            String root = sandbox.tokens().mintRoot();
            CountDownLatch changed = new CountDownLatch(1);
            try (McpSyncClient client = client(sandbox.baseUrl(), root, null, null, tools -> changed.countDown())) {
                assertTrue(client.listTools().tools().size() > 1);
                assertTrue(sandbox.tokens().revoke(root));
                McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("list_applications",
                        Map.of("organization_id", sandbox.organizationId().toString())));
                assertTrue(Boolean.TRUE.equals(refused.isError()));
                assertTrue(changed.await(30, TimeUnit.SECONDS), "list_changed after the 403 AuthInvalidBiscuit");
                assertEquals(List.of("get_token_info"), names(client.listTools().tools()));
            }
        }
    }

    private static McpSyncClient client(String apiUrl, String token,
            java.util.function.Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation,
            Consumer<McpSchema.ProgressNotification> progress, Consumer<List<McpSchema.Tool>> toolsChanged) {
        return client(apiUrl, token, Clock.systemUTC(), elicitation, progress, toolsChanged);
    }

    private static McpSyncClient client(String apiUrl, String token, Clock clock,
            java.util.function.Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation,
            Consumer<McpSchema.ProgressNotification> progress, Consumer<List<McpSchema.Tool>> toolsChanged) {
        // The server in-process through its entry point; closing the client ends it (end of stdin).
        return InProcessServer.start(Map.of("HOOK0_API_URL", apiUrl, "HOOK0_API_TOKEN", token), clock, spec -> {
            if (elicitation != null) {
                spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(elicitation);
            }
            if (progress != null) {
                spec.progressConsumer(progress);
            }
            if (toolsChanged != null) {
                spec.toolsChangeConsumer(toolsChanged);
            }
            return spec;
        }).client;
    }

    /** The status Hook0 answers {@code token} with for a read it allows when the token is valid. */
    private static int statusOf(Sandbox sandbox, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/organizations"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode ok(McpSchema.CallToolResult result) throws Exception {
        assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
        return JSON.readTree(text(result));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static List<String> names(List<McpSchema.Tool> tools) {
        return tools.stream().map(McpSchema.Tool::name).toList();
    }
}

package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.it.AuditRecords.fingerprint;
import static dev.hook0mcp.server.it.AuditRecords.hook0;
import static dev.hook0mcp.server.it.AuditRecords.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.transport.http.HttpTransportServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log of a shared Streamable HTTP deployment with per-caller tokens (issue #17), in-process: the real
 * HTTP transport, the MCP Java SDK client, real HTTP to the sandbox with real Biscuit tokens. One record per
 * call with the right outcome and Hook0 requests, each caller under its own fingerprint, no secret anywhere.
 */
class AuditLogHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER_VALUE = "hdr-" + UUID.randomUUID();
    private static final String PAYLOAD_MARKER = "payload-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static Sandbox sandbox;
    private static ServerCore core;
    private static HttpTransportServer server;
    private static AuditRecords audit;
    private static String readOnly;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0);
        readOnly = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        Path file = dir.resolve("audit.jsonl");
        core = new ServerCore(config(file.toString()));
        server = HttpTransportServer.start(core.config(), core.sessions());
        audit = new AuditRecords(file);
    }

    @AfterAll
    static void stop() {
        server.close();
        core.close();
        sandbox.close();
    }

    /**
     * No shutdown grace: every call is answered before a server here stops, and a graceful stop holds even an idle
     * server ~1 s.
     */
    private static Config config(String auditLog) {
        return config("http", auditLog);
    }

    private static Config config(String transport, String auditLog) {
        return new ConfigParser(InProcessServer.environment(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                "MCP_TRANSPORT", transport, "MCP_PORT", "0", "HOOK0_AUDIT_LOG", auditLog,
                "MCP_SHUTDOWN_GRACE_SECONDS", "0"))).parse(new String[0]);
    }

    private static McpSyncClient client(HttpTransportServer on, String token) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + on.port()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).clientInfo(new McpSchema.Implementation("audit-test", "1.2.3"))
                .requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static JsonNode ok(McpSchema.CallToolResult result) {
        assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
        return JSON.valueToTree(result.structuredContent());
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @Test
    void everyKindOfCallIsOneRecordWithItsOutcomeAndHook0RequestsAndNoSecret() throws Exception {
        String app = sandbox.applicationId().toString();
        String rootPrint = fingerprint(sandbox.rootToken());
        String readOnlyPrint = fingerprint(readOnly);
        int before = audit.all().size();
        try (McpSyncClient root = client(server, sandbox.rootToken());
             McpSyncClient viewer = client(server, readOnly)) {
            // a read, and a composite read that makes several requests
            String eventId = ok(call(root, "list_events", Map.of("application_id", app)))
                    .at("/items/0/event_id").asText();
            ok(call(root, "explain_event_delivery", Map.of("application_id", app, "event_id", eventId)));
            // a failing read
            String missing = UUID.randomUUID().toString();
            assertTrue(call(root, "get_event", Map.of("application_id", app, "event_id", missing)).isError());
            // writes: a subscription with a secret header, an event with a payload
            String type = ok(call(root, "list_event_types", Map.of("application_id", app)))
                    .at("/items/0/event_type_name").asText();
            JsonNode subscription = ok(call(root, "create_subscription", Map.of("application_id", app,
                    "is_enabled", true, "event_types", List.of(type), "labels", Map.of("audit", "yes"),
                    "target", Map.of("type", "http", "method", "POST", "url", "https://audit.example/hook",
                            "headers", Map.of("X-Audit-Key", HEADER_VALUE)))));
            String subscriptionId = subscription.path("subscription_id").asText();
            ok(call(root, "ingest_event", Map.of("application_id", app, "event_type", type,
                    "labels", Map.of("audit", "yes"), "payload_json", Map.of("marker", PAYLOAD_MARKER))));
            // a write that fails half-way: the read succeeds, the PUT is refused by Hook0
            assertTrue(call(root, "update_subscription", Map.of("subscription_id", subscriptionId,
                    "event_types", List.of("no.such.type"))).isError());
            // a replay without a valid confirmation
            assertTrue(call(root, "replay_failed_events", Map.of("application_id", app, "dry_run", false,
                    "confirmation", "1.bogus")).isError());
            // a resource read and a prompt get
            root.readResource(new McpSchema.ReadResourceRequest("hook0://applications/" + app + "/event_types"));
            root.getPrompt(new McpSchema.GetPromptRequest("debug_event_delivery",
                    Map.of("application_id", app, "event_id", eventId)));
            McpError badUri = org.junit.jupiter.api.Assertions.assertThrows(McpError.class, () ->
                    root.readResource(new McpSchema.ReadResourceRequest("hook0://applications/not-a-uuid")));
            assertTrue(badUri.getMessage().contains("UUID"));
            // the read-only caller: a refused write, and a read
            assertTrue(call(viewer, "create_application", Map.of("organization_id",
                    sandbox.organizationId().toString(), "name", "nope")).isError());
            ok(call(viewer, "list_applications", Map.of()));

            int count = before + 13;
            List<JsonNode> records = audit.await(count);
            assertEquals(count, records.size(), "one record per call: " + records);
            records = records.subList(before, records.size());
            String session = records.get(0).path("session").asText();
            for (JsonNode r : records) {
                AuditRecords.hasTheRecordShape(r, r.has("tool") ? "tool" : r.has("resource") ? "resource" : "prompt");
                assertEquals("http", r.path("transport").asText());
                assertEquals("audit-test", r.at("/client/name").asText());
                assertEquals("1.2.3", r.at("/client/version").asText());
                assertFalse(r.path("session").asText("").isBlank(), "HTTP records carry the session: " + r);
            }

            JsonNode listed = one(records, tool("list_events"));
            assertEquals("ok", listed.path("outcome").asText());
            assertEquals(rootPrint, listed.path("token").asText());
            assertEquals(session, listed.path("session").asText());
            assertEquals(List.of("GET /api/v1/events?application_id=" + app + " 200"), hook0(listed));

            JsonNode explained = one(records, tool("explain_event_delivery"));
            assertEquals("ok", explained.path("outcome").asText());
            assertTrue(hook0(explained).size() >= 2, "a composite lists all its requests: " + explained);
            assertEquals("GET /api/v1/events/" + eventId + "?application_id=" + app + " 200", hook0(explained).get(0));
            assertEquals(eventId, explained.at("/arguments/event_id").asText(), "ids are kept");

            JsonNode failed = one(records, tool("get_event"));
            assertEquals("error", failed.path("outcome").asText());
            assertEquals(List.of("GET /api/v1/events/" + missing + "?application_id=" + app + " 404"), hook0(failed));

            JsonNode created = one(records, tool("create_subscription"));
            assertEquals("ok", created.path("outcome").asText());
            assertEquals(List.of("POST /api/v1/subscriptions 201"), hook0(created));
            assertTrue(created.at("/arguments/target/headers/X-Audit-Key").asText().startsWith("[omitted: "),
                    created.toString());
            assertEquals("https://audit.example/hook", created.at("/arguments/target/url").asText());

            JsonNode ingested = one(records, tool("ingest_event"));
            assertEquals("ok", ingested.path("outcome").asText());
            assertTrue(ingested.at("/arguments/payload_json").asText().startsWith("[omitted: "), ingested.toString());
            assertEquals(1, hook0(ingested).size());
            assertTrue(hook0(ingested).get(0).startsWith("POST /api/v1/event 20"), ingested.toString());

            JsonNode halfWay = one(records, tool("update_subscription"));
            assertEquals("error", halfWay.path("outcome").asText());
            assertEquals(List.of("GET /api/v1/subscriptions/" + subscriptionId + " 200",
                    "PUT /api/v1/subscriptions/" + subscriptionId + " 400"), hook0(halfWay),
                    "what was sent before the failure is listed");

            JsonNode unconfirmed = one(records, tool("replay_failed_events"));
            assertEquals("not_confirmed", unconfirmed.path("outcome").asText());
            assertEquals(List.of(), hook0(unconfirmed));
            assertTrue(unconfirmed.at("/arguments/confirmation").asText().startsWith("[omitted: "));

            JsonNode resource = one(records, r -> r.path("resource").asText().endsWith("/event_types"));
            assertEquals("ok", resource.path("outcome").asText());
            assertEquals(app, resource.at("/arguments/application_id").asText());
            assertEquals(List.of("GET /api/v1/event_types?application_id=" + app + " 200"), hook0(resource));

            JsonNode badResource = one(records, r -> r.path("resource").asText().endsWith("not-a-uuid"));
            assertEquals("error", badResource.path("outcome").asText());
            assertEquals(List.of(), hook0(badResource));

            JsonNode prompt = one(records, r -> r.has("prompt"));
            assertEquals("debug_event_delivery", prompt.path("prompt").asText());
            assertEquals("ok", prompt.path("outcome").asText());

            JsonNode refused = one(records, tool("create_application"));
            assertEquals("refused", refused.path("outcome").asText());
            assertEquals(List.of(), hook0(refused), "nothing is sent for a tool the token does not have");
            assertEquals(readOnlyPrint, refused.path("token").asText());
            assertEquals(readOnlyPrint, one(records, tool("list_applications")).path("token").asText());
            assertNotEquals(session, refused.path("session").asText(), "each caller has its own session");
            assertNotEquals(rootPrint, readOnlyPrint);

            audit.holdsNone(sandbox.rootToken(), readOnly, HEADER_VALUE, PAYLOAD_MARKER,
                    subscriptionSecret(subscriptionId));
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theFileIsOwnerOnly() throws Exception {
        try (McpSyncClient root = client(server, sandbox.rootToken())) {
            ok(call(root, "list_organizations", Map.of()));
        }
        audit.one(1, tool("list_organizations"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit.jsonl"))));
    }

    @Test
    void compositeWritesListEveryRequestTheyMake() throws Exception {
        String app = sandbox.applicationId().toString();
        try (McpSyncClient root = client(server, sandbox.rootToken())) {
            String type = ok(call(root, "list_event_types", Map.of("application_id", app)))
                    .at("/items/0/event_type_name").asText();
            ok(call(root, "send_test_event", Map.of("application_id", app, "event_type", type,
                    "payload", Map.of("marker", PAYLOAD_MARKER), "wait_seconds", 0)));
            ok(call(root, "replay_failed_events", Map.of("application_id", app)));
        }
        JsonNode tested = audit.one(1, tool("send_test_event"));
        assertEquals(List.of("GET /api/v1/event_types?application_id=" + app + " 200"), hook0(tested).subList(0, 1));
        assertTrue(hook0(tested).get(1).startsWith("POST /api/v1/event 20"), tested.toString());
        assertTrue(tested.at("/arguments/payload").asText().startsWith("[omitted: "), tested.toString());
        JsonNode dryRun = audit.one(1, tool("replay_failed_events").and(r -> r.path("outcome").asText().equals("ok")));
        List<String> requests = hook0(dryRun);
        assertTrue(requests.size() >= 2, dryRun.toString());
        assertTrue(requests.stream().allMatch(r -> r.startsWith("GET ")), "a dry run only reads: " + requests);
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /api/v1/request_attempts?application_id=" + app)),
                requests.toString());
        audit.holdsNone(PAYLOAD_MARKER);
    }

    @Test
    void legacySseCallsAreRecordedWithTheirSession() throws Exception {
        Path file = dir.resolve("sse-audit.jsonl");
        Config sse = config("sse", file.toString());
        ServerCore sseCore = new ServerCore(sse);
        HttpTransportServer other = HttpTransportServer.start(sseCore.config(), sseCore.sessions());
        var transport = HttpClientSseClientTransport.builder("http://127.0.0.1:" + other.port()).sseEndpoint("/sse")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + readOnly))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            ok(call(client, "list_organizations", Map.of()));
        } finally {
            other.close();
            sseCore.close();
        }
        JsonNode record = new AuditRecords(file).one(1, tool("list_organizations"));
        assertEquals("sse", record.path("transport").asText());
        assertFalse(record.path("session").asText("").isBlank(), record.toString());
        assertEquals(fingerprint(readOnly), record.path("token").asText());
        assertEquals(List.of("GET /api/v1/organizations 200"), hook0(record));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskDoesNotFailTheCall() throws Exception {
        ServerCore full = new ServerCore(config("/dev/full"));
        HttpTransportServer other = HttpTransportServer.start(full.config(), full.sessions());
        try (McpSyncClient root = client(other, sandbox.rootToken())) {
            ok(call(root, "list_organizations", Map.of()));
            ok(call(root, "list_applications", Map.of()));
        } finally {
            other.close();
            full.close();
        }
    }

    @Test
    void aFileThatCannotBeOpenedDoesNotFailTheCall() throws Exception {
        ServerCore broken = new ServerCore(config(dir.toString())); // a directory: cannot be opened for append
        HttpTransportServer other = HttpTransportServer.start(broken.config(), broken.sessions());
        try (McpSyncClient root = client(other, sandbox.rootToken())) {
            ok(call(root, "list_organizations", Map.of()));
        } finally {
            other.close();
            broken.close();
        }
    }

    private static JsonNode one(List<JsonNode> records, java.util.function.Predicate<JsonNode> which) {
        List<JsonNode> found = records.stream().filter(which).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    /** The subscription's signing secret, read from Hook0 directly (the server redacts it). */
    private static String subscriptionSecret(String subscriptionId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/api/v1/subscriptions/" + subscriptionId))
                .header("Authorization", "Bearer " + sandbox.rootToken()).build(), HttpResponse.BodyHandlers.ofString());
        String secret = JSON.readTree(r.body()).path("secret").asText();
        assertEquals(36, secret.length(), r.body());
        return secret;
    }
}

package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.it.Results.error;
import static dev.hook0mcp.server.it.Results.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real HTTP transports, started by the entry point in this JVM: Streamable HTTP (per-caller tokens) and legacy
 * SSE (one configured token), driven by the SDK's HTTP clients against the sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpTransportIT {

    /** A read-only token gets every read of the catalogue. */
    private static final int READS = (int) dev.hook0mcp.catalog.ToolCatalog.standard().tools().stream()
            .filter(dev.hook0mcp.catalog.ToolDefinition::isRead).count();

    private Sandbox sandbox;
    private InProcessHttpServer perCaller;
    private String app;
    private String readOnly;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        app = sandbox.applicationId().toString();
        readOnly = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        perCaller = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", sandbox.baseUrl()));
    }

    @AfterAll
    void stop() throws Exception {
        if (perCaller != null) {
            perCaller.close();
        }
        sandbox.close();
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(perCaller.baseUrl + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @Test
    void eachCallerGetsTheToolsOfItsOwnTokenAndHook0SeesThatToken() {
        McpSyncClient root = perCaller.streamableClient(sandbox.rootToken());
        McpSyncClient reader = perCaller.streamableClient(readOnly);
        try {
            assertEquals(ToolCatalog.standard().size(), root.listTools().tools().size());
            assertEquals(READS, reader.listTools().tools().size());
            // Resources and prompts come from the same assembly as on stdio, per caller.
            assertTrue(root.listPrompts().prompts().stream().anyMatch(p -> p.name().equals("create_webhook_subscription")));
            assertFalse(reader.listPrompts().prompts().stream().anyMatch(p -> p.name().equals("create_webhook_subscription")));
            assertFalse(reader.listResourceTemplates().resourceTemplates().isEmpty());

            sandbox.requestLog().clear();
            ok(root.callTool(new McpSchema.CallToolRequest("list_event_types", Map.of("application_id", app))));
            ok(reader.callTool(new McpSchema.CallToolRequest("list_subscriptions", Map.of("application_id", app))));
            List<RecordedRequest> log = sandbox.requestLog().entries();
            assertEquals("Bearer " + sandbox.rootToken(), find(log, "/api/v1/event_types").authorization());
            assertEquals("Bearer " + readOnly, find(log, "/api/v1/subscriptions").authorization());

            JsonNode refused = error(reader.callTool(new McpSchema.CallToolRequest("create_application",
                    Map.of("name", "nope"))));
            assertTrue(refused.get("message").asText().contains("application:create is not allowed"), refused.toString());
            JsonNode notFound = error(root.callTool(new McpSchema.CallToolRequest("get_event",
                    Map.of("application_id", app, "event_id", "00000000-0000-0000-0000-000000000001"))));
            assertEquals(404, notFound.get("status").asInt());
        } finally {
            root.closeGracefully();
            reader.closeGracefully();
        }
        assertFalse(perCaller.stderr().contains(sandbox.rootToken()), "tokens are never logged");
        assertFalse(perCaller.stderr().contains(readOnly));
    }

    private static RecordedRequest find(List<RecordedRequest> log, String path) {
        return log.stream().filter(r -> r.path().startsWith(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + path + " in " + log));
    }

    @Test
    void aRequestWithoutATokenGets401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = post(INITIALIZE, Map.of());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void aForeignOriginIsRefusedBeforeAnyMcpProcessing() throws Exception {
        sandbox.requestLog().clear();
        HttpResponse<String> response = post(INITIALIZE, Map.of("Origin", "https://evil.example",
                "Authorization", "Bearer " + sandbox.tokens().mintRoot()));
        assertEquals(403, response.statusCode());
        assertEquals(List.of(), sandbox.requestLog().entries(), "no probe, no request to Hook0");
        HttpResponse<String> local = post(INITIALIZE, Map.of("Origin", "http://localhost:5173",
                "Authorization", "Bearer " + sandbox.rootToken()));
        assertEquals(200, local.statusCode(), "loopback origins are allowed");
    }

    @Test
    void aHostHeaderNamingAnotherServerGets421() throws Exception {
        // java.net.http will not send a custom Host header: speak HTTP/1.1 on a socket.
        URI uri = URI.create(perCaller.baseUrl);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            String request = "POST /mcp HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + sandbox.rootToken() + "\r\nContent-Length: " + INITIALIZE.length()
                    + "\r\nConnection: close\r\n\r\n" + INITIALIZE;
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertEquals("HTTP/1.1 421 Misdirected Request", status);
        }
    }

    @Test
    void bindingBeyondLoopbackIsWarnedAbout() throws Exception {
        try (InProcessHttpServer open = new InProcessHttpServer("http",
                Map.of("HOOK0_API_URL", sandbox.baseUrl(), "MCP_HOST", "0.0.0.0"))) {
            assertTrue(open.stderr().contains("not a loopback address"), open.stderr());
        }
    }

    @Test
    void anOversizedBodyGets413() throws Exception {
        // Refused from Content-Length alone, before the body is read: the client has sent only its headers and a
        // first few bytes (a raw socket, so no client races its upload against the server closing).
        URI base = URI.create(perCaller.baseUrl);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Authorization: Bearer " + sandbox.rootToken() + "\r\n"
                    + "Content-Length: " + (5 * 1024 * 1024) + "\r\n\r\n{\"jsonrpc\":\"2.0\"";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 413"), String.valueOf(statusLine));
        }
    }

    /**
     * Clients of both tokens at once, each with its own session: every call of each is answered. They all start
     * calling together, so their sessions and calls overlap on the server.
     */
    @Test
    void tenConcurrentClientsMakeTenCallsEach() throws Exception {
        int clients = 10;
        int calls = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier together = new CyclicBarrier(clients);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String token = c % 2 == 0 ? sandbox.rootToken() : readOnly;
                results.add(pool.submit(() -> {
                    McpSyncClient client = perCaller.streamableClient(token);
                    int succeeded = 0;
                    try {
                        together.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < calls; i++) {
                            var r = client.callTool(new McpSchema.CallToolRequest(
                                    i % 2 == 0 ? "get_application" : "list_event_types", Map.of("application_id", app)));
                            if (!Boolean.TRUE.equals(r.isError())) {
                                succeeded++;
                            }
                        }
                    } finally {
                        client.closeGracefully();
                    }
                    return succeeded;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(calls, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Legacy SSE with one configured token; its stop on SIGTERM, with the exit status, is in HttpGracefulShutdownIT. */
    @Test
    void legacySseServesTheConfiguredTokenAndStopsCleanly() throws Exception {
        InProcessHttpServer sse = new InProcessHttpServer("sse",
                Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", readOnly));
        try {
            McpSyncClient client = sse.sseClient(null);
            assertEquals(READS, client.listTools().tools().size());
            JsonNode events = ok(client.callTool(new McpSchema.CallToolRequest("list_events", Map.of("application_id", app))));
            assertEquals(100, events.get("count").asInt());
            client.closeGracefully();
        } finally {
            sse.close(); // what SIGTERM runs
        }
        assertTrue(sse.stderr().contains("HTTP server stopped"), sse.stderr());
    }
}

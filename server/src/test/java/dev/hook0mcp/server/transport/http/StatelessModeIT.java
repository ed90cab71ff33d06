package dev.hook0mcp.server.transport.http;

import static dev.hook0mcp.server.transport.http.HttpCallers.answer;
import static dev.hook0mcp.server.transport.http.HttpCallers.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.metrics.ServerMetrics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code --stateless --metrics}, in process against the sandbox: no session, each request with its own token, the
 * front servlet's hardening in front, what needs a session degrading with a clear result; the health endpoints
 * and the metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessModeIT {

    private Sandbox sandbox;
    private HttpTransportServer server;
    private String readOnly;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        readOnly = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        server = start(sandbox.baseUrl(), true);
    }

    @AfterAll
    void stop() {
        server.close();
        sandbox.close();
    }

    static HttpTransportServer start(String apiUrl, boolean metrics) throws Exception {
        Config config = new ConfigParser(Map.of("HOOK0_API_URL", apiUrl, "MCP_TRANSPORT", "http", "MCP_PORT", "0",
                "MCP_STATELESS", "true")).parse(new String[0]);
        ServerCore core = new ServerCore(config);
        return HttpTransportServer.start(config, core.sessions(),
                metrics ? ServerMetrics.of(core.executor(), core.client(), core.inspector()) : null);
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private HttpResponse<String> get(HttpTransportServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpCallers.send(b.GET().build());
    }

    @Test
    void everyRequestStandsAloneWithItsOwnTokenAndNoSession() throws Exception {
        HttpResponse<String> init = HttpCallers.post(server, readOnly, null, HttpCallers.INITIALIZE);
        assertEquals(200, init.statusCode(), init.body());
        assertTrue(init.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session id");
        JsonNode capabilities = answer(init).path("result").path("capabilities");
        assertFalse(capabilities.path("tools").path("listChanged").asBoolean(), "no list_changed without a session");

        // tools/list without ever initializing, each with its own token: that token's tools.
        JsonNode rootTools = answer(HttpCallers.post(server, sandbox.rootToken(), null, HttpCallers.LIST_TOOLS));
        JsonNode readTools = answer(HttpCallers.post(server, readOnly, null, HttpCallers.LIST_TOOLS));
        assertEquals(ToolCatalog.standard().size(), rootTools.path("result").path("tools").size());
        assertEquals(19, readTools.path("result").path("tools").size());

        sandbox.requestLog().clear();
        JsonNode apps = answer(HttpCallers.post(server, readOnly, null, call(3, "list_applications", "{}")));
        assertFalse(apps.path("result").path("isError").asBoolean(), apps.toString());
        assertTrue(sandbox.requestLog().entries().stream()
                .allMatch(r -> ("Bearer " + readOnly).equals(r.authorization())), "Hook0 saw the caller's token");
    }

    @Test
    void whatNeedsASessionDegradesWithAClearResult() throws Exception {
        // No elicitation without a session: an executing replay needs its dry run's confirmation, and says so.
        JsonNode replay = answer(HttpCallers.post(server, sandbox.rootToken(), null, call(4, "replay_failed_events",
                "{\"application_id\":\"" + sandbox.applicationId() + "\",\"dry_run\":false}")));
        assertTrue(replay.path("result").path("isError").asBoolean(), replay.toString());
        assertTrue(replay.toString().contains("needs the confirmation of a dry run"), replay.toString());
        // No event stream: GET (and DELETE of a session) are refused with the reason.
        HttpResponse<String> stream = get(server, "/mcp", "Accept", "text/event-stream",
                "Authorization", "Bearer " + readOnly);
        assertEquals(405, stream.statusCode());
        assertEquals("POST", stream.headers().firstValue("Allow").orElse(""));
        assertTrue(error(stream).path("error").path("message").asText().contains("stateless"));
    }

    @Test
    void theFrontServletHardeningStaysInFront() throws Exception {
        assertEquals(401, HttpCallers.post(server, null, null, HttpCallers.LIST_TOOLS).statusCode());
        HttpResponse<String> foreign = HttpCallers.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Origin", "https://evil.example").header("Authorization", "Bearer " + readOnly)
                .POST(HttpRequest.BodyPublishers.ofString(HttpCallers.LIST_TOOLS)).build());
        assertEquals(403, foreign.statusCode());
        error(foreign);
        // Refused from Content-Length alone: a raw socket sends the head and a first few bytes, so no client races
        // its upload of the rest against the server answering and closing.
        try (RawHttp big = new RawHttp("127.0.0.1", server.port())) {
            big.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nAuthorization: Bearer " + readOnly + "\r\n"
                    + "Content-Length: " + (HttpTransportServer.MAX_REQUEST_BYTES + 1) + "\r\n\r\n{\"jsonrpc\":\"2.0\"");
            assertEquals(413, big.status());
        }
        HttpResponse<String> notJsonRpc = HttpCallers.post(server, readOnly, null, "{\"id\":1,\"method\":\"tools/list\"}");
        assertEquals(400, notJsonRpc.statusCode());
        error(notJsonRpc);
        HttpResponse<String> badToken = HttpCallers.post(server, "not-a-token", null, HttpCallers.LIST_TOOLS);
        assertEquals(401, badToken.statusCode());
        error(badToken);
    }

    @Test
    void healthAndReadinessNeedNoTokenAndGiveNoData() throws Exception {
        HttpResponse<String> health = get(server, "/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
        // A balancer's check may name any Host; the answer holds nothing to protect.
        assertEquals(200, get(server, "/healthz", "Origin", "https://evil.example").statusCode());
        HttpResponse<String> ready = get(server, "/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"ready\"}", ready.body());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HttpTransportServer noHook0 = start("http://127.0.0.1:" + closed, false);
        try {
            assertEquals(200, get(noHook0, "/healthz").statusCode(), "the process is up");
            HttpResponse<String> unready = get(noHook0, "/readyz");
            assertEquals(503, unready.statusCode());
            assertTrue(unready.body().startsWith("{\"status\":\"unready"), unready.body());
            assertFalse(unready.body().contains("127.0.0.1"), "no data: not even Hook0's address");
            assertEquals(404, get(noHook0, "/metrics").statusCode(), "metrics are off unless asked for");
        } finally {
            noHook0.close();
        }
    }

    @Test
    void metricsCountCallsPerToolAndOutcomeHook0LatencyProbesAndCachedTokens() throws Exception {
        HttpCallers.post(server, readOnly, null, call(5, "list_applications", "{}"));
        HttpCallers.post(server, readOnly, null, call(6, "create_application", "{\"name\":\"x\"}")); // refused
        HttpResponse<String> metrics = get(server, "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("hook0_mcp_tool_calls_total{outcome=\"ok\",tool=\"list_applications\"}"), text);
        assertTrue(text.contains("hook0_mcp_tool_calls_total{outcome=\"refused\",tool=\"create_application\"}"), text);
        assertTrue(text.contains("hook0_mcp_hook0_requests_seconds_bucket{method=\"GET\",status=\"2xx\""), text);
        assertTrue(text.matches("(?s).*\\nhook0_mcp_probes_sent_total [1-9].*"), text);
        assertTrue(text.matches("(?s).*\\nhook0_mcp_cached_tokens [1-9].*"), text);
        assertFalse(text.contains(readOnly) || text.contains(sandbox.rootToken()), "no token in metrics");
        // The Origin/Host check guards /metrics as it does /mcp.
        assertEquals(403, get(server, "/metrics", "Origin", "https://evil.example").statusCode());
    }
}

package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.bench.HttpMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How answers to POSTs go on the wire over Streamable HTTP, read off a raw socket: an answer that is only the
 * response comes whole, with a Content-Length; an answer that carries progress first still streams it, in a chunk
 * of its own, before the response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedAnswersIT {

    private Sandbox sandbox;
    private HttpTransportServer server;
    private String sessionId;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        server = HttpCallers.start(sandbox.baseUrl(), "http", null, HttpLimits.defaults(java.time.Duration.ofSeconds(10)));
        sessionId = HttpCallers.initialize(server, sandbox.rootToken());
        HttpCallers.post(server, sandbox.rootToken(), sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        sandbox.close();
    }

    @Test
    void aResponseAloneIsSentWholeWithItsLength() throws Exception {
        Answer initialize = post(HttpCallers.INITIALIZE, null);
        assertEquals(200, initialize.status);
        assertNull(initialize.headers.get("transfer-encoding"), "not chunked: " + initialize.headers);
        assertEquals(String.valueOf(initialize.body().getBytes(StandardCharsets.UTF_8).length),
                initialize.headers.get("content-length"));
        assertTrue(initialize.body().startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"), initialize.body());

        Answer call = post(call(7, "list_applications", "{\"organization_id\":\"" + sandbox.organizationId() + "\"}", null),
                sessionId);
        assertEquals(200, call.status);
        assertTrue(call.headers.get("content-type").startsWith("text/event-stream"), call.headers.toString());
        assertNull(call.headers.get("transfer-encoding"), "not chunked: " + call.headers);
        assertEquals(String.valueOf(call.body().getBytes(StandardCharsets.UTF_8).length), call.headers.get("content-length"));
        assertEquals(1, call.body().split("event: message", -1).length - 1, call.body());
        assertTrue(call.body().contains("data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":"), call.body());
        assertTrue(call.body().contains("Acme Billing"), call.body());
    }

    @Test
    void progressBeforeTheResponseIsStillSentAsItComes() throws Exception {
        String arguments = "{\"application_id\":\"" + sandbox.applicationId()
                + "\",\"event_type\":\"billing.invoice.paid\",\"wait_seconds\":1}";
        Answer call = post(call(8, "send_test_event", arguments, "p-1"), sessionId);
        assertEquals(200, call.status);
        assertEquals("chunked", call.headers.get("transfer-encoding"), call.headers.toString());
        assertTrue(call.chunks.size() >= 2, "progress, then the response: " + call.chunks);
        String first = call.chunks.get(0);
        assertTrue(first.contains("\"method\":\"notifications/progress\"") && first.contains("\"progressToken\":\"p-1\""),
                "the first chunk is the progress notification: " + first);
        assertFalse(first.contains("\"result\""), "the response did not wait for it: " + first);
        String last = call.chunks.get(call.chunks.size() - 1);
        assertTrue(last.contains("data: {\"jsonrpc\":\"2.0\",\"id\":8,\"result\":"), last);
    }

    private static String call(int id, String tool, String arguments, String progressToken) {
        String meta = progressToken == null ? "" : ",\"_meta\":{\"progressToken\":\"" + progressToken + "\"}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + meta + "}}";
    }

    private Answer post(String body, String session) throws IOException {
        List<String> headers = new ArrayList<>(List.of("Accept: application/json, text/event-stream",
                "Authorization: Bearer " + sandbox.rootToken()));
        if (session != null) {
            headers.add("Mcp-Session-Id: " + session);
            headers.add("MCP-Protocol-Version: 2025-11-25");
        }
        try (RawHttp http = new RawHttp("127.0.0.1", server.port())) {
            http.write(RawHttp.request("POST", "/mcp", server.port(), body, headers.toArray(String[]::new)));
            return Answer.of(HttpMessage.readResponse(http.socket.getInputStream()));
        }
    }

    /** Status, headers (lower-case names) and the body as the chunks it came in (one when not chunked). */
    private record Answer(int status, Map<String, String> headers, List<String> chunks) {

        String body() {
            return String.join("", chunks);
        }

        static Answer of(HttpMessage message) {
            return new Answer(message.status(), message.headers(),
                    message.chunks().stream().map(c -> new String(c, StandardCharsets.UTF_8)).toList());
        }
    }
}

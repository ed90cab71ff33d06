package dev.hook0mcp.server.transport.http;

import static dev.hook0mcp.server.transport.http.HttpCallers.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Whatever a browser, a careless client or a hostile caller sends, the answer is a short JSON-RPC error with the
 * status the Streamable HTTP spec names: never a serialised Java stack trace, never an HTML page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpErrorBodiesIT {

    private Sandbox sandbox;
    private HttpTransportServer server;
    private String mcp;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        server = HttpCallers.start(sandbox.baseUrl(), "http", null, HttpLimits.defaults(java.time.Duration.ofSeconds(10)));
        mcp = "http://127.0.0.1:" + server.port() + "/mcp";
    }

    @AfterAll
    void stop() {
        server.close();
        sandbox.close();
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(mcp)).header("Authorization", "Bearer " + sandbox.rootToken());
    }

    private JsonNode refused(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return error(response);
    }

    @Test
    void aBrowserOpeningTheUrlIsToldItNeedsAnEventStream() throws Exception {
        JsonNode e = refused(HttpCallers.send(request().header("Accept", "text/html,application/xhtml+xml").GET().build()), 406);
        assertTrue(e.path("error").path("message").asText().contains("text/event-stream"));
    }

    @Test
    void noTokenIs401WithAPlainJsonMessage() throws Exception {
        HttpResponse<String> r = HttpCallers.post(server, null, null, HttpCallers.INITIALIZE);
        JsonNode e = refused(r, 401);
        assertTrue(e.path("error").path("message").asText().contains("Authorization: Bearer <token>"), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void wrongAcceptContentTypeOrMethodGet406_415_405() throws Exception {
        refused(HttpCallers.send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpCallers.INITIALIZE)).build()), 406);
        refused(HttpCallers.send(request().header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(HttpCallers.INITIALIZE)).build()), 415);
        HttpResponse<String> put = HttpCallers.send(request().PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        refused(put, 405);
        assertEquals("GET, POST, DELETE", put.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void anUnsupportedProtocolVersionHeaderGets400AndASupportedOneIsServed() throws Exception {
        String session = HttpCallers.initialize(server, sandbox.rootToken());
        HttpRequest.Builder list = request().header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString(HttpCallers.LIST_TOOLS));
        JsonNode e = refused(HttpCallers.send(list.copy().header("MCP-Protocol-Version", "1999-01-01").build()), 400);
        assertTrue(e.path("error").path("message").asText().contains("unsupported MCP-Protocol-Version '1999-01-01'"),
                e.toString());
        assertEquals(2, e.path("id").asInt(), "the request's id");
        assertEquals(200, HttpCallers.send(list.copy().header("MCP-Protocol-Version", "2025-11-25").build()).statusCode());
    }

    @Test
    void aResponseToNoRequestOfTheServerGets400NotAnInternalError() throws Exception {
        String session = HttpCallers.initialize(server, sandbox.rootToken());
        JsonNode e = refused(HttpCallers.post(server, sandbox.rootToken(), session,
                "{\"jsonrpc\":\"2.0\",\"id\":\"stray-1\",\"result\":{}}"), 400);
        assertEquals(-32600, e.path("error").path("code").asInt());
        assertTrue(e.path("id").isNull(), e.toString());
        assertTrue(e.path("error").path("message").asText().contains("it waits for none in this session (id 'stray-1')"),
                e.toString());
        refused(HttpCallers.post(server, sandbox.rootToken(), session,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-1,\"message\":\"no\"}}"), 400);
        assertEquals(200, HttpCallers.post(server, sandbox.rootToken(), session, HttpCallers.LIST_TOOLS).statusCode(),
                "the session goes on");
    }

    @Test
    void whatJettyRefusesItselfGetsTheSameShortJsonBody() throws Exception {
        int port = server.port();
        for (String framing : new String[] {"Content-Length: -5\r\n", "Content-Length: 2\r\nContent-Length: 3\r\n",
                "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n"}) {
            try (RawHttp raw = new RawHttp("127.0.0.1", port)) {
                raw.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                        + framing + "\r\n{}");
                String answer = raw.readUntil("}}");
                assertTrue(answer.startsWith("HTTP/1.1 400"), framing + answer);
                assertTrue(answer.contains("Content-Type: application/json"), framing + answer);
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertTrue(body.startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600"), framing + answer);
                assertFalse(body.contains("<html"), answer);
            }
        }
    }

    @Test
    void aBodyThatIsNotJsonRpcGets400WithTheErrorStdioGives() throws Exception {
        JsonNode notJson = refused(HttpCallers.post(server, sandbox.rootToken(), null, "{not json"), 400);
        assertEquals(-32700, notJson.path("error").path("code").asInt());
        JsonNode oldVersion = refused(HttpCallers.post(server, sandbox.rootToken(), null,
                HttpCallers.INITIALIZE.replace("\"2.0\"", "\"1.0\"")), 400);
        assertEquals(-32600, oldVersion.path("error").path("code").asInt());
        assertEquals(1, oldVersion.path("id").asInt());
    }

    @Test
    void argumentsAsAStringGet32602NotAnEmpty200() throws Exception {
        String session = HttpCallers.initialize(server, sandbox.rootToken());
        JsonNode e = refused(HttpCallers.post(server, sandbox.rootToken(), session,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_applications\","
                        + "\"arguments\":\"{}\"}}"), 400);
        assertEquals(-32602, e.path("error").path("code").asInt());
        assertEquals(7, e.path("id").asInt());
    }

    @Test
    void unknownOrMissingSessionGet404And400() throws Exception {
        refused(HttpCallers.post(server, sandbox.rootToken(), "no-such-session", HttpCallers.LIST_TOOLS), 404);
        refused(HttpCallers.post(server, sandbox.rootToken(), null, HttpCallers.LIST_TOOLS), 400);
        refused(HttpCallers.send(request().header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", "no-such-session").GET().build()), 404);
    }

    @Test
    void anErrorTheSdkAnswersItselfIsRewrittenShort() throws Exception {
        // capabilities must be an object: the SDK fails to read the initialize request and answers with its
        // exception, stack trace included, serialised as JSON
        HttpResponse<String> r = HttpCallers.post(server, sandbox.rootToken(), null,
                HttpCallers.INITIALIZE.replace("\"capabilities\":{}", "\"capabilities\":\"all\""));
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
        error(r);
    }
}

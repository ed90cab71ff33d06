package dev.hook0mcp.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One MCP session over Streamable HTTP with a plain HTTP client (no SDK, so the load generator stays light on
 * the cores it shares with the server): initialize, keep the Mcp-Session-Id, notifications/initialized, then
 * requests. An answer may come as JSON or as a one-event SSE stream; both are read whole.
 */
final class StreamableHttpSession {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final URI endpoint;
    private final String token;
    private String sessionId;
    private int id;

    StreamableHttpSession(HttpClient client, String mcpUrl, String token) {
        this.client = client;
        this.endpoint = URI.create(mcpUrl);
        this.token = token;
    }

    void open() throws IOException, InterruptedException {
        HttpResponse<String> init = post(message("initialize", StdioMcp.INITIALIZE));
        if (init.statusCode() != 200 || !init.body().contains("\"result\"")) {
            throw new IOException("initialize failed: HTTP " + init.statusCode() + " " + init.body());
        }
        sessionId = init.headers().firstValue("Mcp-Session-Id").orElse(null);
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** One request; true when it was answered with a result that is not a tool error. */
    boolean call(String method, String params) throws IOException, InterruptedException {
        HttpResponse<String> r = post(message(method, params));
        return r.statusCode() == 200 && r.body().contains("\"result\"") && !r.body().contains("\"isError\":true");
    }

    private String message(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (++id) + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", "2025-11-25");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.hook0mcp.server.bench;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One MCP session over Streamable HTTP on its own kept-alive connection (no SDK, no JDK HttpClient: the load
 * generator shares the cores with the server and must stay light): initialize, keep the Mcp-Session-Id,
 * notifications/initialized, then requests. An answer may come as JSON or as a one-event SSE stream; both are
 * read whole. Not thread-safe: one worker uses it.
 */
final class StreamableHttpSession implements AutoCloseable {

    private final KeptAliveConnection connection;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int id;

    StreamableHttpSession(String mcpUrl, String token) {
        URI endpoint = URI.create(mcpUrl);
        this.connection = new KeptAliveConnection(endpoint);
        this.path = endpoint.getRawPath();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("Authorization", "Bearer " + token);
    }

    void open() throws IOException {
        KeptAliveConnection.Answer init = post(message("initialize", StdioMcp.INITIALIZE));
        if (init.status() != 200 || !init.body().contains("\"result\"")) {
            throw new IOException("initialize failed: HTTP " + init.status() + " " + init.body());
        }
        String sessionId = init.headers().get("mcp-session-id");
        if (sessionId != null) {
            headers.put("Mcp-Session-Id", sessionId);
        }
        headers.put("MCP-Protocol-Version", "2025-11-25");
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** One request; true when it was answered with a result that is not a tool error. */
    boolean call(String method, String params) throws IOException {
        KeptAliveConnection.Answer r = post(message(method, params));
        return r.status() == 200 && r.body().contains("\"result\"") && !r.body().contains("\"isError\":true");
    }

    private String message(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (++id) + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private KeptAliveConnection.Answer post(String body) throws IOException {
        return connection.send("POST", path, headers, body);
    }

    @Override
    public void close() {
        connection.close();
    }
}

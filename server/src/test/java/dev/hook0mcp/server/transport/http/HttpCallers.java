package dev.hook0mcp.server.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** In-process HTTP servers with chosen limits, and raw requests as a hostile (or careless) caller sends them. */
final class HttpCallers {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpCallers() {}

    static HttpLimits limits(int cachedTokens, int newPerAddress, int sessionsPerToken, Duration bodyDeadline) {
        HttpLimits d = HttpLimits.defaults(java.time.Duration.ofSeconds(10));
        return new HttpLimits(cachedTokens, d.endpointIdle(), newPerAddress, d.newEndpointWindow(), sessionsPerToken,
                d.sessionsTotal(), d.sessionIdle(), d.connectionIdle(), bodyDeadline, d.maxConnections(),
                d.connectionsPerAddress(), d.headDeadline(), Duration.ofSeconds(10), d.instanceKeyRefresh());
    }

    /** {@link #limits} with a request-head deadline and a per-address connection cap of its own. */
    static HttpLimits limits(Duration headDeadline, int connectionsPerAddress) {
        HttpLimits d = limits(100, 100, 32, HttpLimits.BODY_DEADLINE);
        return new HttpLimits(d.maxCachedTokens(), d.endpointIdle(), d.newEndpointsPerAddress(), d.newEndpointWindow(),
                d.sessionsPerToken(), d.sessionsTotal(), d.sessionIdle(), d.connectionIdle(), d.bodyDeadline(),
                d.maxConnections(), connectionsPerAddress, headDeadline, d.shutdownGrace(), d.instanceKeyRefresh());
    }

    static HttpTransportServer start(String apiUrl, String transport, String configuredToken, HttpLimits limits)
            throws Exception {
        // The sandbox has no rate limit: probes go unpaced (their quotas still count).
        Map<String, String> env = new HashMap<>(Map.of("HOOK0_API_URL", apiUrl, "MCP_TRANSPORT", transport,
                "MCP_PORT", "0", "HOOK0_UNPACED_PROBES", "true"));
        if (configuredToken != null) {
            env.put("HOOK0_API_TOKEN", configuredToken);
        }
        Config config = new ConfigParser(env).parse(new String[0]);
        return HttpTransportServer.start(config, new ServerCore(config).sessions(), limits);
    }

    static HttpResponse<String> post(HttpTransportServer server, String token, String sessionId, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a session; returns its id. */
    static String initialize(HttpTransportServer server, String token) throws Exception {
        HttpResponse<String> r = post(server, token, null, INITIALIZE);
        if (r.statusCode() != 200) {
            throw new AssertionError("initialize answered " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** The JSON-RPC error of a refusal body, after checking it is the short form and says nothing of Java. */
    static JsonNode error(HttpResponse<String> response) throws Exception {
        String body = response.body();
        if (body.length() > 600 || body.contains("stackTrace") || body.contains("java.") || body.contains("Exception")
                || body.contains("<html") || body.contains("&lt;")) {
            throw new AssertionError("not a short JSON-RPC error body: " + body);
        }
        JsonNode json = JSON.readTree(body);
        if (!"2.0".equals(json.path("jsonrpc").asText()) || !json.has("id") || !json.path("error").path("code").isInt()
                || json.path("error").path("message").asText().isBlank()) {
            throw new AssertionError("not a JSON-RPC error: " + body);
        }
        return json;
    }

    /** The JSON-RPC message of a 200 answer, plain JSON or the first SSE data line. */
    static JsonNode answer(HttpResponse<String> response) throws Exception {
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    return JSON.readTree(line.substring(5).trim());
                }
            }
            throw new AssertionError("no data in the event stream: " + body);
        }
        return JSON.readTree(body);
    }
}

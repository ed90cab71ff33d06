package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.HttpServing;
import dev.hook0mcp.server.Launcher;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The real HTTP transport in this JVM on a free loopback port, started by the entry point {@code main} runs
 * ({@link Launcher#startHttp} for {@code --transport http|sse}, with the system clock or a test's);
 * SDK clients connect to it over real HTTP. Like {@link HttpServerProcess} without a JVM start; stopping on a
 * signal and the exit status stay with {@link HttpServerProcess}.
 */
final class InProcessHttpServer implements AutoCloseable {

    final String baseUrl;
    private final HttpServing serving;
    private final StandardErrorTap.Recorder logs;

    /** Started by {@link Launcher#startHttp}, as {@code main} starts {@code --transport <transport> --port 0}. */
    InProcessHttpServer(String transport, Map<String, String> env) throws Exception {
        this(transport, env, Clock.systemUTC());
    }

    /** @param clock the server's clock (a test moves it to let a replay confirmation expire) */
    InProcessHttpServer(String transport, Map<String, String> env, Clock clock) throws Exception {
        logs = StandardErrorTap.record();
        try {
            serving = new Launcher(InProcessServer.environment(env), InputStream.nullInputStream(), System.out,
                    System.err, clock).startHttp("--transport", transport, "--port", "0");
        } catch (Exception | Error e) {
            logs.close();
            throw e;
        }
        baseUrl = "http://127.0.0.1:" + serving.port();
    }

    McpSyncClient streamableClient(String token) {
        return streamableClient(token, spec -> spec);
    }

    /** @param spec what the client declares and handles beyond the defaults (elicitation, say) */
    McpSyncClient streamableClient(String token, UnaryOperator<McpClient.SyncSpec> spec) {
        var transport = HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp").requestBuilder(request(token))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = spec.apply(McpClient.sync(transport)).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    McpSyncClient sseClient(String token) {
        var transport = HttpClientSseClientTransport.builder(baseUrl).sseEndpoint("/sse").requestBuilder(request(token))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static HttpRequest.Builder request(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** The log lines written since it started (its process's stderr). */
    String stderr() {
        return logs.text();
    }

    /** Stops as SIGTERM stops the process: in-flight calls finish, sessions close, Jetty stops. */
    @Override
    public void close() {
        try {
            serving.close();
        } finally {
            logs.close();
        }
    }
}

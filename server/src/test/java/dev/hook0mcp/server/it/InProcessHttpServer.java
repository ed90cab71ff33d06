package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.logging.SecretRedactor;
import dev.hook0mcp.server.transport.http.HttpTransportServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The real HTTP transport in this JVM on a free loopback port, built as {@code main} builds it for
 * {@code --transport http|sse} (configuration from the environment, {@link ServerCore}, {@link HttpTransportServer});
 * SDK clients connect to it over real HTTP. Like {@link HttpServerProcess} without a JVM start; stopping on a
 * signal and the exit status stay with {@link HttpServerProcess}.
 */
final class InProcessHttpServer implements AutoCloseable {

    final String baseUrl;
    private final HttpTransportServer server;
    private final StandardErrorTap.Recorder logs;

    InProcessHttpServer(String transport, Map<String, String> env) throws Exception {
        this(transport, env, Clock.systemUTC());
    }

    /** @param clock the server's clock (a test moves it to let a replay confirmation expire) */
    InProcessHttpServer(String transport, Map<String, String> env, Clock clock) throws Exception {
        logs = StandardErrorTap.record();
        try {
            Config config = new ConfigParser(InProcessServer.environment(env))
                    .parse(new String[] {"--transport", transport, "--port", "0"});
            SecretRedactor.remember(config.token());
            server = HttpTransportServer.start(config, new ServerCore(config, clock).sessions());
        } catch (Exception | Error e) {
            logs.close();
            throw e;
        }
        baseUrl = "http://127.0.0.1:" + server.port();
    }

    McpSyncClient streamableClient(String token) {
        var transport = HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp").requestBuilder(request(token))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
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
            server.close();
        } finally {
            logs.close();
        }
    }
}

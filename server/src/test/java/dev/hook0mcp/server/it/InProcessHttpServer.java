package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.HttpServing;
import dev.hook0mcp.server.Launcher;
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
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The real HTTP transport in this JVM on a free loopback port, started by the entry point {@code main} runs
 * ({@link Launcher#startHttp} for {@code --transport http|sse}; with a test clock, built as it builds it);
 * SDK clients connect to it over real HTTP. Like {@link HttpServerProcess} without a JVM start; stopping on a
 * signal and the exit status stay with {@link HttpServerProcess}.
 */
final class InProcessHttpServer implements AutoCloseable {

    final String baseUrl;
    private final Runnable stop;
    private final int port;
    private final StandardErrorTap.Recorder logs;

    /** Started by {@link Launcher#startHttp}, as {@code main} starts {@code --transport <transport> --port 0}. */
    InProcessHttpServer(String transport, Map<String, String> env) throws Exception {
        logs = StandardErrorTap.record();
        try {
            HttpServing serving = new Launcher(InProcessServer.environment(env), InputStream.nullInputStream(),
                    System.out, System.err).startHttp("--transport", transport, "--port", "0");
            stop = serving::close;
            port = serving.port();
        } catch (Exception | Error e) {
            logs.close();
            throw e;
        }
        baseUrl = "http://127.0.0.1:" + port;
    }

    /** @param clock the server's clock (a test moves it to let a replay confirmation expire) */
    InProcessHttpServer(String transport, Map<String, String> env, Clock clock) throws Exception {
        logs = StandardErrorTap.record();
        try {
            Config config = new ConfigParser(InProcessServer.environment(env))
                    .parse(new String[] {"--transport", transport, "--port", "0"});
            SecretRedactor.remember(config.token());
            HttpTransportServer server = HttpTransportServer.start(config, new ServerCore(config, clock).sessions());
            stop = server::close;
            port = server.port();
        } catch (Exception | Error e) {
            logs.close();
            throw e;
        }
        baseUrl = "http://127.0.0.1:" + port;
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
            stop.run();
        } finally {
            logs.close();
        }
    }
}

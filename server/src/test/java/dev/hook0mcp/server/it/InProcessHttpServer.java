package dev.hook0mcp.server.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.transport.http.HttpTransportServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real server in this JVM over Streamable HTTP on a free loopback port (where {@link InProcessServer} is
 * stdio): each caller's token in its Authorization header, a clock the test chooses, and MCP Java SDK clients for
 * it. Closing it closes them.
 */
final class InProcessHttpServer implements AutoCloseable {

    private final HttpTransportServer server;
    private final List<McpSyncClient> clients = new ArrayList<>();

    InProcessHttpServer(String apiUrl, Clock clock) throws Exception {
        // probes unpaced: the sandbox and the test doubles have no rate limit (as InProcessServer)
        Config config = new ConfigParser(Map.of("HOOK0_API_URL", apiUrl, "MCP_TRANSPORT", "http", "MCP_PORT", "0",
                "HOOK0_UNPACED_PROBES", "true")).parse(new String[0]);
        server = HttpTransportServer.start(config, new ServerCore(config, clock).sessions());
    }

    /** An initialized client calling with {@code token}. */
    McpSyncClient client(String token) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(McpSyncClient::closeGracefully);
        server.close();
    }
}

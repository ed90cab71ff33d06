package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Closing the HTTP server ends every session and every thread it started. */
class HttpShutdownIT {

    private static Set<Thread> liveNonDaemon() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    @Test
    void shutdownLeavesNoThreadRunning() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0)) {
            Set<Thread> before = liveNonDaemon();
            Config config = new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl(), "MCP_TRANSPORT", "http",
                    "MCP_PORT", "0", "HOOK0_UNPACED_PROBES", "true")).parse(new String[0]);
            HttpTransportServer server = HttpTransportServer.start(config, new ServerCore(config).sessions());
            var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                    .endpoint("/mcp")
                    .requestBuilder(java.net.http.HttpRequest.newBuilder()
                            .header("Authorization", "Bearer " + sandbox.rootToken()))
                    .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
            McpSyncClient client = McpClient.sync(transport).build();
            client.initialize();
            var result = client.callTool(new McpSchema.CallToolRequest("list_organizations", Map.of()));
            assertFalse(Boolean.TRUE.equals(result.isError()));
            client.closeGracefully();

            server.close();

            List<String> left = List.of();
            for (int i = 0; i < 500; i++) {
                left = liveNonDaemon().stream().filter(t -> !before.contains(t)).map(Thread::getName).sorted().toList();
                boolean jettyGone = Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.isAlive() && t.getName().startsWith("hook0-mcp-http"));
                if (left.isEmpty() && jettyGone) {
                    break;
                }
                Thread.sleep(10);
            }
            assertEquals(List.of(), left, "threads left running after shutdown");
            assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith("hook0-mcp-http")).map(Thread::getName).toList());
        }
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A token pasted with its {@code Bearer } prefix reaches Hook0 as exactly {@code Bearer <token>}, everywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerPrefixIT {

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private void assertEveryRequestCarriesExactlyTheToken() {
        List<RecordedRequest> log = sandbox.requestLog().entries().stream()
                .filter(r -> r.authorization() != null).toList(); // GET /api/v1/instance is public
        assertFalse(log.isEmpty(), "Hook0 was called with a token");
        for (RecordedRequest request : log) {
            assertEquals("Bearer " + sandbox.rootToken(), request.authorization(), request.toString());
        }
    }

    @Test
    void inTheEnvironment() {
        sandbox.requestLog().clear();
        InProcessServer server = InProcessServer.start(sandbox.baseUrl(), "  Bearer " + sandbox.rootToken() + " ", Map.of());
        try {
            Results.ok(server.call("list_organizations", Map.of()));
        } finally {
            server.close();
        }
        assertEveryRequestCarriesExactlyTheToken();
    }

    @Test
    void inTheTokenFile() throws Exception {
        Path file = Files.createTempFile("hook0-token", ".txt");
        try {
            Files.writeString(file, "bearer\t" + sandbox.rootToken() + "\n");
            sandbox.requestLog().clear();
            InProcessServer server = InProcessServer.start(sandbox.baseUrl(), "", Map.of("HOOK0_API_TOKEN_FILE", file.toString()));
            try {
                Results.ok(server.call("list_organizations", Map.of()));
            } finally {
                server.close();
            }
            assertEveryRequestCarriesExactlyTheToken();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A client configured with "Bearer <token>" as its token sends {@code Authorization: Bearer Bearer <token>}. */
    @Test
    void inThePerCallerHttpHeader() throws Exception {
        try (InProcessHttpServer server = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", sandbox.baseUrl()))) {
            sandbox.requestLog().clear();
            McpSyncClient client = server.streamableClient("Bearer " + sandbox.rootToken());
            var result = client.callTool(new McpSchema.CallToolRequest("list_organizations", Map.of()));
            Results.ok(result);
            client.closeGracefully();
            assertEveryRequestCarriesExactlyTheToken();
        }
    }
}

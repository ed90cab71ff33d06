package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The confirmation form over Streamable HTTP: the server's {@code elicitation/create} goes out on the call's
 * stream, the client's answer comes back as a POST of its own and is taken (a response the server waits for;
 * one it does not wait for is refused with 400, see HttpErrorBodiesIT).
 */
class HttpElicitationIT {

    @Test
    void aConfirmedDeleteOverStreamableHttpGoesAhead() throws Exception {
        List<String> forms = new CopyOnWriteArrayList<>();
        try (Sandbox sandbox = Sandbox.start(0);
                InProcessHttpServer server = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", sandbox.baseUrl()));
                McpSyncClient client = server.streamableClient(sandbox.rootToken(), spec -> spec
                        .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                        .elicitation(form -> {
                            forms.add(form.message());
                            return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
                                    Map.of("confirm", true));
                        }))) {
            McpSchema.CallToolResult deleted = client.callTool(new McpSchema.CallToolRequest("delete_event_type",
                    Map.of("application_id", sandbox.applicationId().toString(), "event_type_name",
                            "billing.invoice.failed")));
            assertFalse(Boolean.TRUE.equals(deleted.isError()), deleted.toString());
            assertTrue(forms.size() == 1 && forms.get(0).contains("billing.invoice.failed"), forms.toString());
            assertTrue(sandbox.requestLog().entries().stream().anyMatch(e -> e.method().equals("DELETE")),
                    "the delete went out once confirmed");
            assertFalse(server.stderr().contains("Unexpected response"), server.stderr());
        }
    }
}

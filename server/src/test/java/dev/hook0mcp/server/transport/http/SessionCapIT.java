package dev.hook0mcp.server.transport.http;

import static dev.hook0mcp.server.transport.http.HttpCallers.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions are capped per token: past the cap initialize is refused with a JSON-RPC error; open ones keep working. */
class SessionCapIT {

    @Test
    void pastThePerTokenCapInitializeIsRefusedAndExistingSessionsWork() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
             HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null,
                     HttpCallers.limits(100, 100, 3, HttpLimits.BODY_DEADLINE))) {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(HttpCallers.initialize(server, sandbox.rootToken()));
            }
            HttpResponse<String> refused = HttpCallers.post(server, sandbox.rootToken(), null, HttpCallers.INITIALIZE);
            assertEquals(429, refused.statusCode(), refused.body());
            JsonNode e = error(refused);
            assertEquals(1, e.path("id").asInt());
            assertTrue(e.path("error").path("message").asText().contains("too many open sessions"));

            HttpResponse<String> tools = HttpCallers.post(server, sandbox.rootToken(), sessions.get(0),
                    HttpCallers.LIST_TOOLS);
            assertEquals(200, tools.statusCode(), tools.body());
            assertEquals(dev.hook0mcp.catalog.ToolCatalog.standard().size(), HttpCallers.answer(tools).path("result").path("tools").size());

            // closing one frees its place
            HttpResponse<String> deleted = HttpCallers.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                    .header("Authorization", "Bearer " + sandbox.rootToken())
                    .header("Mcp-Session-Id", sessions.get(1)).DELETE().build());
            assertTrue(deleted.statusCode() < 300, deleted.statusCode() + " " + deleted.body());
            HttpCallers.initialize(server, sandbox.rootToken());
        }
    }
}

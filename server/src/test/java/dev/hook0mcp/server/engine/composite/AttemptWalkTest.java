package dev.hook0mcp.server.engine.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.engine.ArgumentException;
import dev.hook0mcp.server.engine.ArgumentValidator;
import dev.hook0mcp.server.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptWalkTest {

    private static final List<String> WALKING_TOOLS = List.of("get_delivery_health", "list_failed_deliveries");

    @Test
    void theCatalogueBoundsMaxAttemptsAsTheWalkDoes() {
        for (String tool : WALKING_TOOLS) {
            JsonNode maxAttempts = ToolCatalog.standard().get(tool).inputSchema().at("/properties/max_attempts");
            assertEquals(1, maxAttempts.path("minimum").asInt(), tool);
            assertEquals(AttemptWalk.HARD_CAP, maxAttempts.path("maximum").asInt(), tool);
            assertTrue(maxAttempts.path("description").asText().contains("1-" + AttemptWalk.HARD_CAP
                    + " (default " + AttemptWalk.DEFAULT_CAP + ")"), tool);
        }
    }

    @Test
    void aCapOutsideTheBoundsIsRefusedBeforeAnyRequestNotQuietlyChanged() {
        ObjectNode schema = ToolCatalog.standard().get("get_delivery_health").inputSchema();
        ObjectNode arguments = Json.object().put("application_id", "0195a3c1-7f00-7000-8000-00000000b001")
                .put("max_attempts", -5);
        String problem = assertThrows(ArgumentException.class,
                () -> new ArgumentValidator().validate(schema, arguments)).getMessage();
        assertTrue(problem.contains("argument 'max_attempts'"), problem);
        assertEquals(AttemptWalk.DEFAULT_CAP, AttemptWalk.cap(Json.object()));
    }
}

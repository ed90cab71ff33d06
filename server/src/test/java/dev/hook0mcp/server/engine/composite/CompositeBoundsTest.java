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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The composites' numeric limits live in their handlers; the catalogue states the same bounds to clients. */
class CompositeBoundsTest {

    private static final String APP = "0195a3c1-7f00-7000-8000-00000000b001";

    @ParameterizedTest
    @CsvSource({
            "get_delivery_health, max_attempts, 1, " + AttemptWalk.HARD_CAP + ", " + AttemptWalk.DEFAULT_CAP,
            "list_failed_deliveries, max_attempts, 1, " + AttemptWalk.HARD_CAP + ", " + AttemptWalk.DEFAULT_CAP,
            "send_test_event, wait_seconds, 0, " + SendTestEventHandler.MAX_WAIT_SECONDS + ", "
                    + SendTestEventHandler.DEFAULT_WAIT_SECONDS})
    void theCatalogueStatesTheHandlersBounds(String tool, String argument, int min, int max, int fallback) {
        JsonNode property = ToolCatalog.standard().get(tool).inputSchema().path("properties").path(argument);
        assertEquals(min, property.path("minimum").asInt(-1), tool);
        assertEquals(max, property.path("maximum").asInt(-1), tool);
        assertTrue(property.path("description").asText().contains(min + "-" + max + " (default " + fallback + ")"),
                tool + ": " + property.path("description").asText());
    }

    @ParameterizedTest
    @CsvSource({"get_delivery_health, max_attempts, -5", "get_delivery_health, max_attempts, 10001",
            "send_test_event, wait_seconds, -5", "send_test_event, wait_seconds, 61"})
    void aValueOutsideTheBoundsIsRefusedBeforeAnyRequestNotQuietlyChanged(String tool, String argument, int value) {
        ObjectNode schema = ToolCatalog.standard().get(tool).inputSchema();
        ObjectNode arguments = Json.object().put("application_id", APP).put(argument, value);
        if (tool.equals("send_test_event")) {
            arguments.put("event_type", "billing.invoice.paid");
        }
        String problem = assertThrows(ArgumentException.class,
                () -> new ArgumentValidator().validate(schema, arguments)).getMessage();
        assertTrue(problem.contains("argument '" + argument + "'"), problem);
    }
}

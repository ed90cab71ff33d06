package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an error result of a write says happened, and how to check, for every write tool of the catalogue. */
class ErrorResultsTest {

    private static final ToolCatalog CATALOG = ToolCatalog.standard();
    private static final String ID = "0190a8a0-0000-7000-8000-000000000001";

    private static ObjectNode arguments() {
        return Json.object().put("application_id", ID).put("subscription_id", ID).put("event_id", ID)
                .put("name", "billing");
    }

    @Test
    void aLostAnswerToAnyWriteSaysHowToCheckWithToolsThatExist() {
        List<ToolDefinition> writes = CATALOG.tools().stream().filter(t -> !t.isRead()).toList();
        assertEquals(12, writes.size());
        for (ToolDefinition tool : writes) {
            ObjectNode out = ErrorResults.transport(tool, new Hook0TransportException("reset", null), arguments())
                    .structured();
            String next = out.path("next_step").asText();
            assertTrue(out.path("may_have_been_applied").asBoolean(), tool.name());
            assertTrue(next.startsWith("It may have been "), tool.name() + ": " + next);
            assertFalse(next.contains("the matching list tool") || next.contains("the get tool"),
                    tool.name() + " names a tool the catalogue has: " + next);
        }
    }

    @Test
    void aWriteThatNeverLeftOrWasRefusedSaysNothingChanged() {
        ToolDefinition create = CATALOG.get("create_application");
        ObjectNode notSent = ErrorResults.transport(create,
                new Hook0TransportException("could not connect", null, false), arguments()).structured();
        assertFalse(notSent.path("may_have_been_applied").asBoolean(true));
        assertTrue(notSent.path("next_step").asText().startsWith("Nothing was sent to Hook0"));

        ObjectNode refused = ErrorResults.fromResponse(create, new Hook0Response(403, Map.of(), ""), arguments())
                .structured();
        assertFalse(refused.path("may_have_been_applied").asBoolean(true));
        assertTrue(refused.path("next_step").asText().endsWith("nothing was changed."));

        ObjectNode readFailed = ErrorResults.fromResponse(CATALOG.get("update_subscription"),
                new Hook0Response(503, Map.of(), ""), arguments(), false).structured();
        assertFalse(readFailed.path("may_have_been_applied").asBoolean(true), readFailed.toString());
    }

    @Test
    void readsSayNothingAboutChanges() {
        ObjectNode out = ErrorResults.transport(CATALOG.get("list_events"), new Hook0TransportException("x", null),
                arguments()).structured();
        assertFalse(out.has("may_have_been_applied"));
    }
}

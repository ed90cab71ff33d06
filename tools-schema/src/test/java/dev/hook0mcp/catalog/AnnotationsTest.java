package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients decide approval prompts from these hints, and MCP's defaults are the unsafe ones (destructiveHint
 * defaults to true), so every hint is written out and follows one rule per kind of tool.
 */
class AnnotationsTest {

    /** Replacements: PUT of a whole object, where an omitted field is lost. */
    private static final Set<String> REPLACEMENTS = Set.of("update_application", "update_subscription");
    /** The only tools that make Hook0 send webhooks to the outside world. */
    private static final Set<String> OPEN_WORLD = Set.of("ingest_event", "replay_event", "replay_failed_events", "send_test_event");

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void allFourHintsAreWrittenOut(String name) {
        JsonNode annotations = CatalogFixtures.rawFile(name + ".json").get("annotations");
        for (String hint : List.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")) {
            assertTrue(annotations.path(hint).isBoolean(), name + ": " + hint + " must be an explicit boolean");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void hintsFollowTheRules(String name) {
        ToolDefinition tool = catalog().get(name);
        ToolAnnotations a = tool.annotations();
        // What is a read is Hook0's fact (hook0-actions.json); a tool without an action only reads the token.
        boolean read = tool.action() == null || Hook0Actions.standard().get(tool.action()).read();
        if (read) {
            assertTrue(a.readOnlyHint(), name + ": reads are readOnly");
            assertFalse(a.destructiveHint(), name + ": reads are not destructive");
            assertTrue(a.idempotentHint(), name + ": reads are idempotent");
        } else {
            assertFalse(a.readOnlyHint(), name + ": writes are not readOnly");
            boolean destructive = name.startsWith("delete_") || REPLACEMENTS.contains(name);
            assertEquals(destructive, a.destructiveHint(), name + ": destructive iff delete or replacement");
            assertEquals(expectedIdempotent(tool), a.idempotentHint(), name + ": idempotentHint per HTTP method");
        }
        assertEquals(OPEN_WORLD.contains(name), a.openWorldHint(), name + ": openWorld only for ingest/replay");
    }

    /** PUT and DELETE are idempotent, POST is not, except Hook0's event type create which is an upsert. */
    private static boolean expectedIdempotent(ToolDefinition tool) {
        if (tool.name().equals("create_event_type")) {
            return true;
        }
        List<Route> routes = tool.binding().routes();
        // a composite write reads first or afterwards; its one write route decides
        String writeMethod = routes.stream().map(Route::method).filter(m -> !m.equals("GET"))
                .reduce((a, b) -> b).orElse("GET");
        return switch (writeMethod) {
            case "PUT", "DELETE" -> true;
            case "POST" -> false;
            default -> throw new AssertionError(tool.name() + ": unexpected write method " + writeMethod);
        };
    }
}

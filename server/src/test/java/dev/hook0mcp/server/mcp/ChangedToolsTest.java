package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ChangedToolsTest {

    private static McpSchema.Tool tool(String name, String description) {
        return McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), false, null, null)).build();
    }

    /** An SDK server's tool list as the tests see it: every remove and add, in order. */
    private final List<String> steps = new ArrayList<>();
    private final Map<String, McpSchema.Tool> registered = new HashMap<>();

    @Test
    void onlyTheToolsWhoseDefinitionChangedAreRegisteredAgain() {
        registered.put("a", tool("a", "same"));
        registered.put("b", tool("b", "before"));

        List<String> changed = ChangedTools.register(registered, List.of(tool("a", "same"), tool("b", "after")),
                Function.identity(), name -> steps.add("remove " + name), t -> steps.add("add " + t.name()));

        assertEquals(List.of("b"), changed);
        assertEquals(List.of("remove b", "add b"), steps);
        assertEquals("after", registered.get("b").description());
    }

    @Test
    void aToolTheServerRefusesDoesNotLeaveTheOthersOutOfDateAndIsTriedAgainNextTime() {
        registered.put("a", tool("a", "before"));
        registered.put("b", tool("b", "before"));
        List<McpSchema.Tool> now = List.of(tool("a", "after"), tool("b", "after"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ChangedTools.register(
                registered, now, Function.identity(), name -> steps.add("remove " + name), t -> {
                    if (t.name().equals("a")) {
                        throw new IllegalStateException("refused a");
                    }
                    steps.add("add " + t.name());
                }));

        assertEquals("refused a", refused.getMessage());
        assertEquals(List.of("remove a", "remove b", "add b"), steps, "b was still brought up to date");
        assertFalse(registered.containsKey("a"), "a counts as not registered");

        steps.clear();
        assertEquals(List.of("a"), ChangedTools.register(registered, now, Function.identity(),
                name -> steps.add("remove " + name), t -> steps.add("add " + t.name())));
        assertEquals(List.of("add a"), steps);
    }
}

package dev.hook0mcp.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every client pays for tools/list on every conversation (issue #13): all tools as served ({@link ServedTool}),
 * wrapped in their JSON-RPC answer, stay within 32 KiB, and every input property says what it is. The server's
 * {@code ToolsListSnapshotTest} measures the same on the real answer to a root token.
 */
class ToolsListBudgetTest {

    static final int BUDGET_BYTES = 32 * 1024;

    @Test
    void allToolsAsServedFitIn32KiB() throws Exception {
        ArrayNode tools = CatalogFixtures.JSON.createArrayNode();
        for (ToolDefinition t : ToolCatalog.standard().tools()) {
            ObjectNode tool = tools.addObject();
            tool.put("name", t.name());
            tool.put("title", t.title());
            tool.put("description", t.description());
            tool.set("inputSchema", ServedTool.inputSchema(t.inputSchema()));
            tool.set("outputSchema", ServedTool.outputSchema(t.outputSchema()));
            tool.set("annotations", served(ServedTool.hints(t.annotations())));
        }
        ObjectNode answer = CatalogFixtures.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 2);
        answer.putObject("result").set("tools", tools);
        int bytes = CatalogFixtures.JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8).length;
        System.out.println("tools/list answer for " + tools.size() + " tools: " + bytes + " bytes (budget "
                + BUDGET_BYTES + ")");
        assertTrue(bytes <= BUDGET_BYTES, "tools/list is " + bytes + " bytes; the budget is " + BUDGET_BYTES);
    }

    /** The hints as the SDK writes them: a hint not served is left out, not null. */
    private static ObjectNode served(ServedTool.Hints hints) {
        ObjectNode a = CatalogFixtures.JSON.createObjectNode();
        a.put("readOnlyHint", hints.readOnlyHint());
        a.put("destructiveHint", hints.destructiveHint());
        if (hints.idempotentHint() != null) {
            a.put("idempotentHint", hints.idempotentHint());
        }
        a.put("openWorldHint", hints.openWorldHint());
        return a;
    }

    @Test
    void everyInputPropertyAtAnyDepthHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (ToolDefinition t : ToolCatalog.standard().tools()) {
            collectUndescribed(t.name(), t.inputSchema(), undescribed);
        }
        assertEquals(List.of(), undescribed);
    }

    private static void collectUndescribed(String path, JsonNode schema, List<String> undescribed) {
        schema.path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("description").asText("").isBlank()) {
                undescribed.add(path + "." + p.getKey());
            }
            collectUndescribed(path + "." + p.getKey(), p.getValue(), undescribed);
        });
        if (schema.path("items").isObject()) {
            collectUndescribed(path + "[]", schema.path("items"), undescribed);
        }
    }
}

package dev.hook0mcp.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ServedTool;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void plainGivesWhatJacksonsConversionGives() throws Exception {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree("{\"s\":\"x\",\"i\":7,\"l\":12345678901,\"d\":1.5,"
                + "\"t\":true,\"n\":null,\"a\":[1,\"two\",{\"k\":[]}],\"o\":{\"p\":{}}}");
        Map<?, ?> expected = Json.MAPPER.convertValue(node, Map.class);
        assertEquals(expected, Json.plain(node));
        assertEquals(expected.toString(), Json.plain(node).toString(), "same order, same number types");
    }

    @Test
    void everyServedToolSchemaConvertsAsJacksonConvertsIt() {
        for (ToolDefinition tool : ToolCatalog.standard().tools()) {
            for (ObjectNode schema : new ObjectNode[] {ServedTool.inputSchema(tool.inputSchema()),
                    ServedTool.outputSchema(tool.outputSchema())}) {
                assertEquals(Json.MAPPER.convertValue(schema, Map.class), Json.plain(schema), tool.name());
            }
        }
    }
}

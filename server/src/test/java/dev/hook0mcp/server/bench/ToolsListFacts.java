package dev.hook0mcp.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a served tools/list answer costs a client: its size as served (the whole JSON-RPC line, UTF-8 bytes),
 * its tool count, and how many input properties (at any depth of the input schemas) have no description.
 */
public record ToolsListFacts(int bytes, int tools, int properties, int undescribed) {

    public static ToolsListFacts of(String answerLine) throws IOException {
        JsonNode tools = new ObjectMapper().readTree(answerLine).path("result").path("tools");
        int[] counts = new int[2];
        tools.forEach(tool -> countProperties(tool.path("inputSchema"), counts));
        return new ToolsListFacts(answerLine.getBytes(StandardCharsets.UTF_8).length, tools.size(), counts[0], counts[1]);
    }

    private static void countProperties(JsonNode schema, int[] counts) {
        if (!schema.isObject()) {
            return;
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            counts[0]++;
            if (!p.getValue().path("description").isTextual() || p.getValue().path("description").asText().isBlank()) {
                counts[1]++;
            }
            countProperties(p.getValue(), counts);
        });
        countProperties(schema.path("items"), counts);
    }
}

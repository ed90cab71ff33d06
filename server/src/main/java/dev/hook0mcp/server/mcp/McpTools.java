package dev.hook0mcp.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolAnnotations;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.Json;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.engine.ToolOutcome;
import dev.hook0mcp.server.engine.ToolSurface;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Adapts the engine to the MCP SDK: catalogue tools become SDK tools, outcomes become CallToolResults. */
public final class McpTools {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private McpTools() {}

    public static List<SyncToolSpecification> specifications(
            ToolSurface surface, ToolExecutor executor, Function<McpSyncServerExchange, CallContext> contextFor) {
        return surface.enabled().stream()
                .map(tool -> SyncToolSpecification.builder()
                        .tool(toMcp(tool, surface))
                        .callHandler((exchange, request) ->
                                toResult(executor.call(tool.name(), request.arguments(), contextFor.apply(exchange))))
                        .build())
                .toList();
    }

    public static McpSchema.Tool toMcp(ToolDefinition tool, ToolSurface surface) {
        ToolAnnotations a = tool.annotations();
        return new McpSchema.Tool(
                tool.name(),
                tool.title(),
                tool.description(),
                map(surface.inputSchema(tool.name())),
                map(tool.outputSchema()),
                new McpSchema.ToolAnnotations(tool.title(), a.readOnlyHint(), a.destructiveHint(), a.idempotentHint(),
                        a.openWorldHint(), null),
                null,
                null);
    }

    public static McpSchema.CallToolResult toResult(ToolOutcome outcome) {
        return new McpSchema.CallToolResult(
                List.of(new McpSchema.TextContent(outcome.text())), outcome.error(), outcome.structured(), null);
    }

    private static Map<String, Object> map(JsonNode schema) {
        return Json.MAPPER.convertValue(schema, MAP);
    }
}

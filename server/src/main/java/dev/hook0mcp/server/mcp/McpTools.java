package dev.hook0mcp.server.mcp;

import dev.hook0mcp.catalog.ServedTool;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.audit.AuditedCall;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Adapts the engine to the MCP SDK: catalogue tools become SDK tools, outcomes become CallToolResults.
 *
 * <p>Every catalogue tool is registered, but {@code tools/list} shows only those this token gets ({@link #listed}).
 * A client may still call a hidden one by name; the engine then answers with a tool result saying why (e.g.
 * "read-only token: event:ingest is not allowed") and sends nothing to Hook0, on every transport, where the SDK
 * alone would answer "unknown tool". Names outside the catalogue get a -32602 protocol error naming them
 * ({@link JsonRpcLineCheck}).
 *
 * <p>Every call that reaches a tool here, offered or not, is one record of the caller's audit log.
 */
public final class McpTools {

    private McpTools() {}

    public static List<SyncToolSpecification> specifications(
            ToolSurface surface, ToolExecutor executor, Function<McpSyncServerExchange, CallContext> contextFor) {
        return specifications(surface, executor, contextFor, CallerAudit.OFF);
    }

    public static List<SyncToolSpecification> specifications(ToolSurface surface, ToolExecutor executor,
            Function<McpSyncServerExchange, CallContext> contextFor, CallerAudit audit) {
        return surface.decisions().stream()
                .map(ToolSurface.Decision::tool)
                .map(tool -> SyncToolSpecification.builder()
                        .tool(toMcp(tool, surface))
                        .callHandler((exchange, request) ->
                                call(tool, executor, contextFor.apply(exchange), audit, exchange, request))
                        .build())
                .toList();
    }

    private static McpSchema.CallToolResult call(ToolDefinition tool, ToolExecutor executor, CallContext context,
            CallerAudit audit, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        AuditedCall audited = ExchangeAudit.begin(audit, exchange, AuditedCall.Kind.TOOL, tool.name(),
                request.arguments(), tool.auditOmit());
        ToolOutcome.Kind ended = ToolOutcome.Kind.ERROR;
        try {
            ToolOutcome outcome = executor.call(tool.name(), request.arguments(), context
                    .withInteraction(ExchangeInteraction.of(exchange, request))
                    .withJournal(audited.journal()));
            ended = outcome.kind();
            return toResult(outcome);
        } finally {
            audited.end(ended);
        }
    }

    /**
     * Only the tools this token gets are listed, as its surface is now (background probing may change it); the
     * others stay callable for the message saying why.
     */
    public static McpSyncListFilter<McpSchema.Tool> listed(Supplier<ToolSurface> surface) {
        return (transportContext, tool) -> surface.get().isEnabled(tool.name());
    }

    /**
     * The tool as tools/list serves it ({@link ServedTool}: trimmed to what clients act on); arguments are still
     * checked against the full input schema of the caller's surface.
     */
    public static McpSchema.Tool toMcp(ToolDefinition tool, ToolSurface surface) {
        ServedTool.Hints hints = ServedTool.hints(tool.annotations());
        return new McpSchema.Tool(
                tool.name(),
                tool.title(),
                tool.description(),
                Json.plain(ServedTool.inputSchema(
                        surface.isEnabled(tool.name()) ? surface.inputSchema(tool.name()) : tool.inputSchema())),
                Json.plain(ServedTool.outputSchema(tool.outputSchema())),
                new McpSchema.ToolAnnotations(null, hints.readOnlyHint(), hints.destructiveHint(),
                        hints.idempotentHint(), hints.openWorldHint(), null),
                null,
                null);
    }

    /**
     * Errors carry no structuredContent: the TypeScript SDK client (Claude Code, the MCP Inspector, ...) checks it
     * against the tool's outputSchema even when isError is set, and would replace our message with a -32602
     * schema error. Their text holds everything: the message on the first line, then the details as JSON.
     */
    public static McpSchema.CallToolResult toResult(ToolOutcome outcome) {
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(outcome.text())), outcome.error(),
                outcome.error() ? null : outcome.structured(), null);
    }
}

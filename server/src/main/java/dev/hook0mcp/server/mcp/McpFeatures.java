package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.config.Version;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * What every transport serves for one caller: server info, instructions, capabilities, the tools of that caller's
 * token, and the hook0:// resources, prompts and completions that go with them. Transports build the SDK server
 * from this and only differ in how bytes travel.
 */
public final class McpFeatures {

    private McpFeatures() {}

    /** Every tool call, resource read and prompt get of this caller is a record of {@code audit}. */
    public static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> apply(S spec,
            ToolExecutor executor, CallContext context, String instructions, CallerAudit audit) {
        List<McpServerFeatures.SyncResourceSpecification> resources = McpResources.resources(context, executor, audit);
        List<McpServerFeatures.SyncResourceTemplateSpecification> templates =
                McpResources.templates(context, executor, audit);
        List<McpServerFeatures.SyncPromptSpecification> prompts = McpPrompts.specifications(context, audit);
        List<McpServerFeatures.SyncCompletionSpecification> completions = new McpCompletions(executor, context)
                .specifications(prompts.stream().map(McpServerFeatures.SyncPromptSpecification::prompt).toList(),
                        McpResources.offered(context.surface()));

        // The tool list may change once, when background probing ends after the handshake was answered from the
        // token's own text (see follow).
        return spec
                .serverInfo(serverInfo())
                .instructions(instructions)
                .capabilities(capabilities(true, !resources.isEmpty() || !templates.isEmpty(), !prompts.isEmpty(),
                        !completions.isEmpty()))
                .validateToolInputs(false) // the engine validates, with messages that name the argument
                .jsonSchemaValidator(new CatalogSchemaValidator())
                .tools(McpTools.specifications(context.surface(), executor, exchange -> context, audit))
                .addToolFilter(McpTools.listed(() -> {
                    if (context.access() instanceof LiveAccess live) {
                        live.listed(); // a start served from the probe cache now asks Hook0 again
                    }
                    return context.surface();
                }))
                .resources(resources)
                .resourceTemplates(templates)
                .prompts(prompts)
                .completions(completions);
    }

    static McpSchema.Implementation serverInfo() {
        return new McpSchema.Implementation(Version.NAME, "Hook0 MCP", Version.VERSION);
    }

    /** Declared only when there is something to offer; no subscriptions. */
    static McpSchema.ServerCapabilities capabilities(boolean toolsListChanged, boolean resources, boolean prompts,
            boolean completions) {
        McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder()
                .tools(toolsListChanged);
        if (resources) {
            capabilities.resources(false, false);
        }
        if (prompts) {
            capabilities.prompts(false);
        }
        if (completions) {
            capabilities.completions();
        }
        return capabilities.build();
    }

    /**
     * Call once the server is built: when the caller's access is still being probed, its tool list follows the
     * probed result and clients get {@code notifications/tools/list_changed}.
     *
     * @param builtFrom the caller's surface as it was when {@link #apply} made the server's tools from it
     */
    public static McpSyncServer follow(McpSyncServer server, ToolExecutor executor, CallContext context,
            CallerAudit audit, ToolSurface builtFrom) {
        ToolListSync.follow(server, executor, context, audit, builtFrom);
        return server;
    }
}

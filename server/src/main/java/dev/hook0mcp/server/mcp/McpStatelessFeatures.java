package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link McpFeatures} for the SDK's stateless server: the same server info, instructions, tools, resources,
 * prompts and completions for one caller, over a transport with no session.
 *
 * <p>Without a session the server cannot send the client anything but the answer to its request, so what needs
 * one degrades: no elicitation (a delete goes ahead as for a client without elicitation; an executing
 * {@code replay_failed_events} needs its dry run's confirmation), no {@code notifications/progress} (the result
 * still reports everything), and no {@code notifications/tools/list_changed} (the tools capability does not
 * declare it; a tools/list after background probing ends shows the probed list).
 */
public final class McpStatelessFeatures {

    private McpStatelessFeatures() {}

    public static McpServer.StatelessSyncSpecification apply(McpServer.StatelessSyncSpecification spec,
            ToolExecutor executor, CallContext context, String instructions, CallerAudit audit) {
        var resources = McpResources.resources(context, executor, audit).stream()
                .map(r -> new McpStatelessServerFeatures.SyncResourceSpecification(r.resource(),
                        (transport, request) -> r.readHandler().apply(null, request)))
                .toList();
        var templates = McpResources.templates(context, executor, audit).stream()
                .map(t -> new McpStatelessServerFeatures.SyncResourceTemplateSpecification(t.resourceTemplate(),
                        (transport, request) -> t.readHandler().apply(null, request)))
                .toList();
        List<McpServerFeatures.SyncPromptSpecification> sessionPrompts = McpPrompts.specifications(context, audit);
        var prompts = sessionPrompts.stream()
                .map(p -> new McpStatelessServerFeatures.SyncPromptSpecification(p.prompt(),
                        (transport, request) -> p.promptHandler().apply(null, request)))
                .toList();
        var completions = new McpCompletions(executor, context)
                .specifications(sessionPrompts.stream().map(McpServerFeatures.SyncPromptSpecification::prompt).toList(),
                        McpResources.offered(context.surface()))
                .stream()
                .map(c -> new McpStatelessServerFeatures.SyncCompletionSpecification(c.referenceKey(),
                        (transport, request) -> c.completionHandler().apply(null, request)))
                .toList();
        return spec
                .serverInfo(McpFeatures.serverInfo())
                .instructions(instructions)
                .capabilities(McpFeatures.capabilities(false, !resources.isEmpty() || !templates.isEmpty(),
                        !prompts.isEmpty(), !completions.isEmpty()))
                .validateToolInputs(false) // the engine validates, with messages that name the argument
                .jsonSchemaValidator(new CatalogSchemaValidator())
                .tools(tools(context.surface(), executor, context, audit))
                .addToolFilter(McpTools.listed(context::surface))
                .resources(resources)
                .resourceTemplates(templates)
                .prompts(prompts)
                .completions(completions);
    }

    /**
     * Every catalogue tool, as {@link McpTools#specifications} (audited alike) with no exchange: a call can neither
     * ask the user nor report progress, and its audit record has no client name or session.
     */
    static List<McpStatelessServerFeatures.SyncToolSpecification> tools(ToolSurface surface, ToolExecutor executor,
            CallContext context, CallerAudit audit) {
        return McpTools.specifications(surface, executor, exchange -> context, audit).stream()
                .map(t -> new McpStatelessServerFeatures.SyncToolSpecification(t.tool(),
                        (transport, request) -> t.callHandler().apply(null, request)))
                .toList();
    }

    /**
     * Call once the server is built: when background probing changes the caller's surface, each tool whose
     * definition changed is registered again (nothing is announced: there is no session to tell).
     *
     * @param builtFrom the caller's surface as it was when {@link #apply} made the server's tools from it
     */
    public static McpStatelessSyncServer follow(McpStatelessSyncServer server, ToolExecutor executor,
            CallContext context, CallerAudit audit, ToolSurface builtFrom) {
        if (context.access() instanceof LiveAccess live) {
            Map<String, McpSchema.Tool> registered = new HashMap<>();
            server.listTools().forEach(t -> registered.put(t.name(), t));
            Runnable sync = () -> {
                synchronized (registered) {
                    ChangedTools.register(registered, tools(context.surface(), executor, context, audit),
                            spec -> spec.tool(), server::removeTool, server::addTool);
                }
            };
            live.onChange(sync);
            if (context.surface() != builtFrom) {
                sync.run(); // probing replaced the surface while the server was being built
            }
        }
        return server;
    }
}

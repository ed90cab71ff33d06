package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an SDK server's tools in step with a caller's current surface. Every catalogue tool stays registered (a
 * hidden one answers why it is off); {@code tools/list} filters on the live surface ({@link McpTools#listed}).
 * When background probing changes the surface, each tool whose definition changed (its input schema follows the
 * token's defaults only when it is on) is registered again, and clients get one
 * {@code notifications/tools/list_changed} (declared in {@link McpFeatures}).
 */
final class ToolListSync {

    private static final Logger LOG = LoggerFactory.getLogger(ToolListSync.class);

    private final McpSyncServer server;
    private final ToolExecutor executor;
    private final CallContext context;
    private final CallerAudit audit;
    private final Map<String, McpSchema.Tool> registered = new HashMap<>();
    private List<String> listed;

    private ToolListSync(McpSyncServer server, ToolExecutor executor, CallContext context, CallerAudit audit) {
        this.server = server;
        this.executor = executor;
        this.context = context;
        this.audit = audit;
        server.listTools().forEach(t -> registered.put(t.name(), t));
        this.listed = context.surface().enabledNames();
    }

    /**
     * Follows the caller's access when it can change.
     *
     * @param builtFrom the surface the server's tools were made from: when probing replaced it while the server
     *     was being built, the tools are brought up to date at once (otherwise the registered ones are current, and
     *     making and comparing all of them again would only slow the start down)
     */
    static void follow(McpSyncServer server, ToolExecutor executor, CallContext context, CallerAudit audit,
            ToolSurface builtFrom) {
        if (context.access() instanceof LiveAccess live) {
            ToolListSync sync = new ToolListSync(server, executor, context, audit);
            live.onChange(sync::sync);
            if (context.surface() != builtFrom) {
                sync.sync();
            }
        }
    }

    synchronized void sync() {
        ToolSurface surface = context.surface();
        List<String> changed = ChangedTools.register(registered,
                McpTools.specifications(surface, executor, exchange -> context, audit),
                SyncToolSpecification::tool, server::removeTool, server::addTool);
        if (!changed.isEmpty()) {
            LOG.info("the token's access changed the definitions of {} tools; registered again: {}", changed.size(),
                    String.join(", ", changed));
        }
        List<String> now = surface.enabledNames();
        if (!now.equals(listed)) {
            listed = now;
            server.notifyToolsListChanged();
        }
    }
}

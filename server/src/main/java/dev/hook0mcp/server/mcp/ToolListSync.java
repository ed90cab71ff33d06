package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.engine.ToolSurface;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps an SDK server's tools equal to a caller's current surface. When background probing changes the surface,
 * the tools that went off are removed and those that came on are added; the SDK then sends
 * {@code notifications/tools/list_changed} (declared in {@link McpFeatures}).
 */
final class ToolListSync {

    private final McpSyncServer server;
    private final ToolExecutor executor;
    private final CallContext context;
    private final Set<String> offered;

    private ToolListSync(McpSyncServer server, ToolExecutor executor, CallContext context) {
        this.server = server;
        this.executor = executor;
        this.context = context;
        this.offered = new LinkedHashSet<>();
        server.listTools().forEach(t -> offered.add(t.name()));
    }

    /** Follows the caller's access when it can change. */
    static void follow(McpSyncServer server, ToolExecutor executor, CallContext context) {
        if (context.access() instanceof LiveAccess live) {
            ToolListSync sync = new ToolListSync(server, executor, context);
            live.onChange(sync::sync);
            sync.sync(); // the surface may have changed while the server was being built
        }
    }

    synchronized void sync() {
        ToolSurface surface = context.surface();
        Set<String> now = new LinkedHashSet<>(surface.enabledNames());
        for (String name : Set.copyOf(offered)) {
            if (!now.contains(name)) {
                server.removeTool(name);
                offered.remove(name);
            }
        }
        for (SyncToolSpecification spec : McpTools.specifications(surface, executor, exchange -> context)) {
            if (offered.add(spec.tool().name())) {
                server.addTool(spec);
            }
        }
    }
}

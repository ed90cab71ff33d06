package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.Version;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * What every transport serves for one caller: server info, instructions, capabilities and the tools of that
 * caller's token. Transports build the SDK server from this and only differ in how bytes travel.
 */
public final class McpFeatures {

    private McpFeatures() {}

    public static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> apply(S spec,
            ToolExecutor executor,
            CallContext context, String instructions) {
        return spec
                .serverInfo(new McpSchema.Implementation(Version.NAME, "Hook0 MCP", Version.VERSION))
                .instructions(instructions)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false) // the engine validates, with messages that name the argument
                .tools(McpTools.specifications(context.surface(), executor, exchange -> context));
    }
}

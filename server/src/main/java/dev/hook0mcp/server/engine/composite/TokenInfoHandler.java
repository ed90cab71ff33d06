package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.results.ToolOutcome;

/**
 * get_token_info: what this server knows about its token — organization, application restriction, expiry,
 * signature, mode — and every tool on or off with the reason. It reports what was established when the token was
 * first seen, so it costs no request.
 */
public final class TokenInfoHandler implements ToolHandler {

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context) {
        return ToolOutcome.success(context.access().tokenInfo());
    }
}

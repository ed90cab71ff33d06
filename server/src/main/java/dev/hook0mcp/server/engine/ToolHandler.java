package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.results.ToolOutcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.hook0.Hook0TransportException;

/** Runs one tool whose arguments are already validated and completed with their defaults. */
public interface ToolHandler {

    ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context) throws Hook0TransportException;
}

package dev.hook0mcp.server.mcp.prompts;

import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Optional;

/**
 * One prompt. Its text is built from the caller's tool surface: it names only tools the token has, and a prompt
 * that leads to a write is offered only when its tool is on.
 */
public interface Hook0Prompt {

    String name();

    /** The prompt as listed for this surface, or empty when the token lacks the tools it needs. */
    Optional<McpSchema.Prompt> offered(ToolSurface surface);

    /** The prompt's text; a bad argument is an McpError (INVALID_PARAMS) that names it. */
    String text(PromptArguments arguments, CallContext context);
}

package dev.hook0mcp.catalog;

/** MCP tool annotations; every hint is explicit in the catalogue (clients assume destructive when omitted). */
public record ToolAnnotations(
        boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {}

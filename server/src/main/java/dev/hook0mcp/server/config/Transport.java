package dev.hook0mcp.server.config;

import java.util.Locale;

/** How MCP messages travel between the client and this server. */
public enum Transport {
    /** Newline-delimited JSON-RPC on stdin/stdout (the default; what desktop clients launch). */
    STDIO,
    /** Legacy HTTP+SSE (GET /sse, POST /message), protocol 2024-11-05. */
    SSE,
    /** Streamable HTTP at /mcp. */
    HTTP;

    static Transport parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "stdio" -> STDIO;
            case "sse" -> SSE;
            case "http", "streamable-http", "streamable_http" -> HTTP;
            default -> throw new ConfigException("transport must be stdio, sse or http, not "
                    + dev.hook0mcp.server.token.TokenText.quoted(value));
        };
    }
}

package dev.hook0mcp.server.mcp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests this server has sent to a client and still waits for, counted per MCP session (only the
 * confirmation form, {@code elicitation/create}, today). A JSON-RPC response a client sends in a session without
 * one answers nothing; the HTTP transport refuses it with 400 before the SDK, which would answer 500 and log an
 * error for each.
 */
public final class OpenClientRequests {

    private static final ConcurrentHashMap<String, Integer> OPEN = new ConcurrentHashMap<>();

    private OpenClientRequests() {}

    static void opened(String sessionId) {
        if (sessionId != null) {
            OPEN.merge(sessionId, 1, Integer::sum);
        }
    }

    static void answered(String sessionId) {
        if (sessionId != null) {
            OPEN.computeIfPresent(sessionId, (id, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** Whether this server waits for a client's answer in {@code sessionId}. */
    public static boolean anyIn(String sessionId) {
        return sessionId != null && OPEN.containsKey(sessionId);
    }
}

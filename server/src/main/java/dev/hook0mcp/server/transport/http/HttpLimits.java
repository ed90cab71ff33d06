package dev.hook0mcp.server.transport.http;

import java.time.Duration;

/**
 * Every bound the HTTP transports put on callers, in one place so tests can shrink them and README can list them.
 *
 * @param maxCachedTokens          endpoints (one per token) kept at once
 * @param endpointIdle             an endpoint unused this long is closed
 * @param newEndpointsPerAddress   new endpoints one client address may create per {@code newEndpointWindow}
 * @param newEndpointWindow        the window of that rate
 * @param sessionsPerToken         MCP sessions one token may hold open
 * @param sessionsTotal            MCP sessions of all tokens together
 * @param sessionIdle              a session without a request this long is closed
 * @param connectionIdle           Jetty closes a connection silent this long (also bounds a stalled body read)
 * @param bodyDeadline             a request body must have arrived this long after the headers, else 408 (bodies
 *                                 are read without holding a thread, so slow senders cost no thread meanwhile)
 * @param maxConnections           open TCP connections at once; beyond it Jetty stops accepting for a while
 * @param connectionsPerAddress    open TCP connections of one client address (trusted proxies not counted)
 * @param headDeadline             a request's line and headers must have arrived this long after their first
 *                                 byte, else the connection is closed (the idle timeout restarts at every byte)
 * @param shutdownGrace            on SIGTERM, in-flight calls get this long to finish and be answered
 * @param instanceKeyRefresh       the instance's Biscuit public key is fetched again at most this often
 */
record HttpLimits(
        int maxCachedTokens,
        Duration endpointIdle,
        int newEndpointsPerAddress,
        Duration newEndpointWindow,
        int sessionsPerToken,
        int sessionsTotal,
        Duration sessionIdle,
        Duration connectionIdle,
        Duration bodyDeadline,
        int maxConnections,
        int connectionsPerAddress,
        Duration headDeadline,
        Duration shutdownGrace,
        Duration instanceKeyRefresh) {

    static final int MAX_CACHED_TOKENS = 100;
    static final Duration ENDPOINT_IDLE = Duration.ofMinutes(30);
    static final int NEW_ENDPOINTS_PER_ADDRESS = 10;
    static final Duration NEW_ENDPOINT_WINDOW = Duration.ofMinutes(1);
    static final int SESSIONS_PER_TOKEN = 32;
    static final int SESSIONS_TOTAL = 1_000;
    static final Duration SESSION_IDLE = Duration.ofMinutes(10);
    static final Duration CONNECTION_IDLE = Duration.ofSeconds(30);
    static final Duration BODY_DEADLINE = Duration.ofSeconds(20);
    static final int MAX_CONNECTIONS = 1_000;
    static final int CONNECTIONS_PER_ADDRESS = 256;
    static final Duration HEAD_DEADLINE = Duration.ofSeconds(10);
    static final Duration INSTANCE_KEY_REFRESH = Duration.ofMinutes(5);

    /** @param shutdownGrace MCP_SHUTDOWN_GRACE_SECONDS, shared with stdio */
    static HttpLimits defaults(Duration shutdownGrace) {
        return new HttpLimits(MAX_CACHED_TOKENS, ENDPOINT_IDLE, NEW_ENDPOINTS_PER_ADDRESS, NEW_ENDPOINT_WINDOW,
                SESSIONS_PER_TOKEN, SESSIONS_TOTAL, SESSION_IDLE, CONNECTION_IDLE, BODY_DEADLINE,
                MAX_CONNECTIONS, CONNECTIONS_PER_ADDRESS, HEAD_DEADLINE, shutdownGrace, INSTANCE_KEY_REFRESH);
    }
}

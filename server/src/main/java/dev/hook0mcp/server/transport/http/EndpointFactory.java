package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.mcp.TokenSessions;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the endpoint of one token: probe it, then an SDK server with its tools on the configured transport
 * (legacy SSE, Streamable HTTP with sessions, or stateless Streamable HTTP).
 */
final class EndpointFactory {

    static final String MCP_PATH = "/mcp";
    static final String SSE_PATH = "/sse";
    static final String MESSAGE_PATH = "/message";

    private static final Logger log = LoggerFactory.getLogger(EndpointFactory.class);
    /**
     * The SDK transports are reached only through {@link McpFrontServlet}, which checks Origin and Host with the
     * configured policy before it hands a request over; checking again inside (the SDK copies every header into a
     * map for it) would cost each request a few per cent of its CPU and could never refuse anything.
     */
    private static final ServerHttpHeaderValidator ALREADY_CHECKED = ServerHttpHeaderValidator.NOOP;

    private final TokenSessions sessions;
    private final Transport transport;
    private final int maxRequestBytes;
    private final Duration sessionIdle;
    private final boolean stateless;

    /** @param sessionIdle the SDK closes a Streamable HTTP session that had no request for one sweep of this period */
    EndpointFactory(TokenSessions sessions, Transport transport, int maxRequestBytes,
            Duration sessionIdle, boolean stateless) {
        this.sessions = sessions;
        this.stateless = stateless;
        this.transport = transport;
        this.maxRequestBytes = maxRequestBytes;
        this.sessionIdle = sessionIdle;
    }

    /*
     * immediateExecution: a tool call runs on the Jetty thread that carries its request (the servlet blocks on it
     * anyway) instead of Reactor's shared boundedElastic pool (10 threads per core), which one caller's slow calls
     * could fill for everyone; CallerShares bounds each caller's share of Jetty's threads.
     */
    CallerEndpoint create(String token) {
        TokenSessions.TokenSession session = sessions.open(token, log);
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(Json.MAPPER);
        if (transport == Transport.SSE) {
            HttpServletSseServerTransportProvider provider = HttpServletSseServerTransportProvider.builder()
                    .jsonMapper(mapper)
                    .sseEndpoint(SSE_PATH)
                    .messageEndpoint(MESSAGE_PATH)
                    .keepAliveInterval(Duration.ofSeconds(30))
                    .httpHeaderValidator(ALREADY_CHECKED)
                    .maxRequestSize(maxRequestBytes)
                    .build();
            McpSyncServer server = sessions.server(McpServer.sync(provider), session, true);
            return new CallerEndpoint(session.access(), server::closeGracefully, provider, List.of());
        }
        if (stateless) {
            HttpServletStatelessServerTransport provider = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(mapper)
                    .messageEndpoint(MCP_PATH)
                    .httpHeaderValidator(ALREADY_CHECKED)
                    .maxRequestSize(maxRequestBytes)
                    .build();
            McpStatelessSyncServer server = sessions.statelessServer(McpServer.sync(provider), session, true);
            return new CallerEndpoint(session.access(), server::closeGracefully, provider, List.of());
        }
        var owned = OwnedSchedulers.build(() -> HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint(MCP_PATH)
                .keepAliveInterval(Duration.ofSeconds(30))
                .httpHeaderValidator(ALREADY_CHECKED)
                .maxRequestSize(maxRequestBytes)
                .sessionSweepInterval(sessionIdle)
                .build());
        HttpServletStreamableServerTransportProvider provider = owned.value();
        McpSyncServer server = sessions.server(McpServer.sync(provider), session, true);
        return new CallerEndpoint(session.access(), server::closeGracefully, provider, owned.schedulers());
    }
}

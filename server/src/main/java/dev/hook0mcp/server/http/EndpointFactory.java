package dev.hook0mcp.server.http;

import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.Json;
import dev.hook0mcp.server.mcp.McpFeatures;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the endpoint of one token: probe it, then an SDK server with its tools on the configured transport. */
final class EndpointFactory {

    static final String MCP_PATH = "/mcp";
    static final String SSE_PATH = "/sse";
    static final String MESSAGE_PATH = "/message";

    private static final Logger log = LoggerFactory.getLogger(EndpointFactory.class);

    private final ServerCore core;
    private final Transport transport;
    private final ServerTransportSecurityValidator security;
    private final int maxRequestBytes;
    private final Duration sessionIdle;

    /** @param sessionIdle the SDK closes a Streamable HTTP session that had no request for one sweep of this period */
    EndpointFactory(ServerCore core, Transport transport, ServerTransportSecurityValidator security, int maxRequestBytes,
            Duration sessionIdle) {
        this.core = core;
        this.transport = transport;
        this.security = security;
        this.maxRequestBytes = maxRequestBytes;
        this.sessionIdle = sessionIdle;
    }

    /*
     * immediateExecution: a tool call runs on the Jetty thread that carries its request (the servlet blocks on it
     * anyway) instead of Reactor's shared boundedElastic pool (10 threads per core), which one caller's slow calls
     * could fill for everyone; CallerShares bounds each caller's share of Jetty's threads.
     */
    CallerEndpoint create(String token) {
        LiveAccess access = LiveAccess.inspect(core.inspector(), token, log);
        CallContext context = new CallContext(core.client(), token, access);
        CallerAudit audit = core.audit(transport, token);
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(Json.MAPPER);
        if (transport == Transport.SSE) {
            HttpServletSseServerTransportProvider provider = HttpServletSseServerTransportProvider.builder()
                    .jsonMapper(mapper)
                    .sseEndpoint(SSE_PATH)
                    .messageEndpoint(MESSAGE_PATH)
                    .keepAliveInterval(Duration.ofSeconds(30))
                    .securityValidator(security)
                    .maxRequestSize(maxRequestBytes)
                    .build();
            McpSyncServer server = McpFeatures.follow(McpFeatures.apply(McpServer.sync(provider), core.executor(),
                    context, access.report().instructions(), audit).immediateExecution(true).build(), core.executor(),
                    context, audit);
            return new CallerEndpoint(access, server, provider, List.of());
        }
        var owned = OwnedSchedulers.build(() -> HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint(MCP_PATH)
                .keepAliveInterval(Duration.ofSeconds(30))
                .securityValidator(security)
                .maxRequestSize(maxRequestBytes)
                .sessionSweepInterval(sessionIdle)
                .build());
        HttpServletStreamableServerTransportProvider provider = owned.value();
        McpSyncServer server = McpFeatures.follow(McpFeatures.apply(McpServer.sync(provider), core.executor(),
                context, access.report().instructions(), audit).immediateExecution(true).build(), core.executor(),
                context, audit);
        return new CallerEndpoint(access, server, provider, owned.schedulers());
    }
}

package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.AccessInspector;
import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.hook0.Hook0Client;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import org.slf4j.Logger;

/**
 * The one way to serve a token, whatever the transport: inspect it (probing in the background), then an SDK
 * server whose tools, resources, prompts and completions follow what the token may do. Stdio serves one token;
 * HTTP one per caller.
 */
public final class TokenSessions {

    private final AccessInspector inspector;
    private final Hook0Client client;
    private final ToolExecutor executor;

    public TokenSessions(AccessInspector inspector, Hook0Client client, ToolExecutor executor) {
        this.inspector = inspector;
        this.client = client;
        this.executor = executor;
    }

    /** What one token gets: its live access and the context every call made with it carries. */
    public record TokenSession(LiveAccess access, CallContext context) {}

    public TokenSession open(String token, Logger log) {
        LiveAccess access = LiveAccess.inspect(inspector, token, log);
        return new TokenSession(access, new CallContext(client, token, access));
    }

    /**
     * @param immediateExecution run each call on the thread that carries its request (HTTP: the servlet blocks
     *     on it anyway) instead of Reactor's shared pool
     */
    public <S extends McpServer.SyncSpecification<S>> McpSyncServer server(S spec, TokenSession session,
            boolean immediateExecution) {
        McpServer.SyncSpecification<S> features = McpFeatures.apply(spec, executor, session.context(),
                session.access().report().instructions());
        McpSyncServer server = features.immediateExecution(immediateExecution).build();
        return McpFeatures.follow(server, executor, session.context());
    }

    public Hook0Client client() {
        return client;
    }
}

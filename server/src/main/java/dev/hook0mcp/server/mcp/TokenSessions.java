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
        return begin(token, log).await();
    }

    /** Starts inspecting {@code token} in the background; the caller sets up its transport meanwhile. */
    public Opening begin(String token, Logger log) {
        LiveAccess.Inspection inspection = LiveAccess.begin(inspector, token, log);
        return () -> {
            LiveAccess access = inspection.await();
            return new TokenSession(access, new CallContext(client, token, access));
        };
    }

    /** A token session being opened (see {@link #begin}). */
    @FunctionalInterface
    public interface Opening {
        /** The session once the token is inspected (or {@link LiveAccess#HANDSHAKE_WAIT} has passed). */
        TokenSession await();
    }

    /**
     * Runs the SDK feature set-up once for the token's own text, on a throwaway specification, while the probes
     * are out: it loads and initialises the classes and schemas the real set-up needs, so that set-up, which
     * must wait for the probed answer, is short. Nothing of it is kept.
     */
    public void warmUp(McpServer.SyncSpecification<?> throwaway, String token) {
        LiveAccess provisional = LiveAccess.fixed(inspector.provisional(token));
        McpFeatures.apply(cast(throwaway), executor, new CallContext(client, token, provisional), "");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static McpServer.SyncSpecification cast(McpServer.SyncSpecification<?> spec) {
        return spec;
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

package dev.hook0mcp.server.mcp;

import dev.hook0mcp.server.access.AccessInspector;
import dev.hook0mcp.server.access.AccessReport;
import dev.hook0mcp.server.access.LiveAccess;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.audit.AuditLog;
import dev.hook0mcp.server.audit.CallerAudit;
import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.hook0.Hook0Client;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The one way to serve a token, whatever the transport: inspect it (probing in the background), then an SDK
 * server whose tools, resources, prompts and completions follow what the token may do. Stdio serves one token;
 * HTTP one per caller. Every tool call, resource read and prompt get of a token is a record of its audit log.
 */
public final class TokenSessions {

    private final AccessInspector inspector;
    private final Hook0Client client;
    private final ToolExecutor executor;
    private final AuditLog auditLog;
    private final Transport transport;
    private final Duration handshakeWait;

    /**
     * @param transport     how this server's clients reach it, as the audit log names it
     * @param handshakeWait how long opening a session waits for the probes (HOOK0_HANDSHAKE_WAIT_SECONDS)
     */
    public TokenSessions(AccessInspector inspector, Hook0Client client, ToolExecutor executor, AuditLog auditLog,
            Transport transport, Duration handshakeWait) {
        this.inspector = inspector;
        this.client = client;
        this.executor = executor;
        this.auditLog = auditLog;
        this.transport = transport;
        this.handshakeWait = handshakeWait;
    }

    /** What one token gets: its live access, the context every call made with it carries, and its audit. */
    public record TokenSession(LiveAccess access, CallContext context, CallerAudit audit) {}

    public TokenSession open(String token, Logger log) {
        return begin(token, log).await();
    }

    /** Starts inspecting {@code token} in the background; the caller sets up its transport meanwhile. */
    public Opening begin(String token, Logger log) {
        LiveAccess.Inspection inspection = LiveAccess.begin(inspector, token, log, handshakeWait);
        return new Opening() {
            @Override
            public TokenSession await() {
                LiveAccess access = inspection.await();
                return new TokenSession(access, new CallContext(client, token, access),
                        CallerAudit.of(auditLog, transport, token));
            }

            @Override
            public void warmUp(McpServer.SyncSpecification<?> throwaway) {
                if (!inspection.ready()) {
                    LiveAccess provisional = LiveAccess.fixed(inspector.provisional(token));
                    McpFeatures.apply(cast(throwaway), executor, new CallContext(client, token, provisional), "",
                            CallerAudit.OFF);
                }
            }
        };
    }

    /** A token session being opened (see {@link #begin}). */
    public interface Opening {
        /** The session once the token is inspected (or the handshake wait has passed). */
        TokenSession await();

        /**
         * While the probes are out, runs the SDK feature set-up once for the token's own text on a throwaway
         * specification: it loads and initialises the classes and schemas the real set-up needs, so that set-up,
         * which must wait for the probed answer, is short. Nothing of it is kept. Does nothing when the access is
         * known already (the probe cache remembered the token, or probing has ended): the real set-up would then
         * only repeat it.
         */
        void warmUp(McpServer.SyncSpecification<?> throwaway);
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
        ToolSurface builtFrom = session.context().surface();
        McpServer.SyncSpecification<S> features = McpFeatures.apply(spec, executor, session.context(),
                ServerInstructions.of(session.access().tokenInfo()), session.audit());
        McpSyncServer server = features.immediateExecution(immediateExecution).build();
        return McpFeatures.follow(server, executor, session.context(), session.audit(), builtFrom);
    }

    /** The same for the SDK's stateless server (no session: see {@link McpStatelessFeatures} for what degrades). */
    public McpStatelessSyncServer statelessServer(McpServer.StatelessSyncSpecification spec, TokenSession session,
            boolean immediateExecution) {
        ToolSurface builtFrom = session.context().surface();
        McpStatelessSyncServer server = McpStatelessFeatures.apply(spec, executor, session.context(),
                ServerInstructions.of(session.access().tokenInfo()), session.audit())
                .immediateExecution(immediateExecution).build();
        return McpStatelessFeatures.follow(server, executor, session.context(), session.audit(), builtFrom);
    }

    /** The report the probe cache gives for {@code token} now (see {@link AccessInspector#remembered}). */
    public Optional<AccessReport> remembered(String token) {
        return inspector.remembered(token);
    }

    public Hook0Client client() {
        return client;
    }
}

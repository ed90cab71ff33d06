package dev.hook0mcp.server;

import dev.hook0mcp.server.mcp.FirstCallPreparation;
import dev.hook0mcp.server.mcp.TokenSessions;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.access.AccessInspector;
import dev.hook0mcp.server.access.ProbeCache;
import dev.hook0mcp.server.access.ProbeBudgets;
import dev.hook0mcp.server.access.Ticker;
import dev.hook0mcp.server.audit.AuditLog;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.access.ToolSelection;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.ShapingOptions;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.engine.composite.Composites;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The transport-independent server: catalogue, Hook0 client, engine with its composite handlers, and the
 * inspector that decides what each token gets, and the audit log when serving. Transports only adapt this to MCP.
 */
public final class ServerCore implements AutoCloseable {

    private final Config config;
    private final ToolCatalog catalog;
    private final Hook0Client client;
    private final ToolExecutor executor;
    private final AccessInspector inspector;
    private final AuditLog audit;

    public ServerCore(Config config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock the server's clock (tests move it to expire a replay confirmation or a token) */
    public ServerCore(Config config, Clock clock) {
        this.config = config;
        // OkHttp's set-up (its platform detection is a tenth of a start) runs beside the catalogue's parse: they
        // initialise different libraries (OkHttp and Kotlin there, Jackson here), so neither waits for the other
        FutureTask<Hook0Client> clientSetUp = new FutureTask<>(() -> new Hook0Client(config.apiUrl(), config.timeout()));
        Thread setUp = new Thread(clientSetUp, "hook0-client-set-up");
        setUp.setDaemon(true);
        setUp.start();
        this.catalog = ToolCatalog.standard();
        ToolSelection selection = ToolSelection.of(config, catalog);
        this.client = joined(clientSetUp);
        ResultShaper shaper = new ResultShaper(new ShapingOptions(config.revealSecrets(), config.maxResultBytes()));
        Map<String, ToolHandler> composites = Composites.standard(catalog, shaper, clock);
        this.executor = new ToolExecutor(catalog, shaper, composites, config.callTimeout());
        this.inspector = new AccessInspector(catalog, selection, client,
                new ProbeBudgets(!config.unpacedProbes(), Ticker.SYSTEM),
                config.sandbox() ? ProbeCache.off() // a sandbox's tokens live as long as the process
                        : ProbeCache.in(Path.of(config.probeCacheDir()), config.probeCacheTtl()), clock);
        this.audit = config.command() == Config.Command.SERVE
                ? AuditLog.open(config.auditLog(), config.auditLogMaxBytes(), System.err) : AuditLog.OFF;
    }

    private static Hook0Client joined(FutureTask<Hook0Client> setUp) {
        try {
            return setUp.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot set up the Hook0 client", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the Hook0 client", e);
        }
    }

    public Config config() {
        return config;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    public Hook0Client client() {
        return client;
    }

    public ToolExecutor executor() {
        return executor;
    }

    /**
     * Serves a token on any transport: used by stdio for its one token, by HTTP for each caller's. Serving is
     * about to begin, so this also starts the {@linkplain FirstCallPreparation first call's preparation}.
     */
    public TokenSessions sessions() {
        FirstCallPreparation.startInBackground();
        return new TokenSessions(inspector, client, executor, audit, config.transport(), config.handshakeWait());
    }

    public AccessInspector inspector() {
        return inspector;
    }

    /** Writes what the audit log still holds. */
    @Override
    public void close() {
        audit.close();
    }
}

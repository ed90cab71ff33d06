package dev.hook0mcp.server.access;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller's access that can still change: probing runs in the background, and when Hook0 is slow the caller is
 * served at once from the token's own text ({@link AccessInspector#provisional}); once the probes are answered the
 * probed report replaces it and listeners (the MCP servers offering its tools) re-sync their tool lists.
 */
public final class LiveAccess implements CallerAccess {

    /** How long the MCP handshake waits for probing before it is answered from the token's own text. */
    public static final Duration HANDSHAKE_WAIT = Duration.ofSeconds(4);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile AccessReport current;
    private TokenWatch watch;

    private LiveAccess(AccessReport initial) {
        this.current = initial;
    }

    /** Looks at the token again when it expires or Hook0 refuses it (see {@link TokenWatch}). */
    private LiveAccess watched(AccessInspector inspector, String token) {
        this.watch = new TokenWatch(this, inspector, token);
        watch.scheduleExpiry(current);
        return this;
    }

    /**
     * Inspects {@code token}; returns the probed report when it comes within {@link #HANDSHAKE_WAIT}, else the
     * provisional one, replaced when probing ends. Each outcome is logged once.
     */
    public static LiveAccess inspect(AccessInspector inspector, String token, Logger log) {
        CompletableFuture<AccessReport> probing = new CompletableFuture<>();
        Thread prober = new Thread(() -> {
            try {
                probing.complete(inspector.inspect(token));
            } catch (RuntimeException | Error e) {
                probing.completeExceptionally(e);
            }
        }, "hook0-inspect");
        prober.setDaemon(true);
        prober.start();
        try {
            AccessReport probed = probing.get(HANDSHAKE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            TokenInfoLog.log(probed.tokenInfo(), log);
            return new LiveAccess(probed).watched(inspector, token);
        } catch (TimeoutException e) {
            LiveAccess live = new LiveAccess(inspector.provisional(token)).watched(inspector, token);
            log.warn("Hook0 has not answered the probes within {} s: serving the tools the token's own text allows"
                    + " until it does", HANDSHAKE_WAIT.toSeconds());
            probing.whenComplete((probed, failure) -> {
                if (probed != null) {
                    TokenInfoLog.log(probed.tokenInfo(), log);
                    live.replace(probed);
                } else {
                    log.error("probing failed; keeping the tools the token's own text allows: {}", failure.toString());
                }
            });
            return live;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LiveAccess(inspector.provisional(token));
        }
    }

    /** An access that never changes. */
    public static LiveAccess fixed(AccessReport report) {
        return new LiveAccess(report);
    }

    public AccessReport report() {
        return current;
    }

    /** Runs {@code listener} after each replacement of the report. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void tokenRejected() {
        if (watch != null && current.usable()) {
            watch.recheck("Hook0 refused the token (403 AuthInvalidBiscuit)");
        }
    }

    void replace(AccessReport report) {
        current = report;
        if (watch != null) {
            watch.scheduleExpiry(report);
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // e.g. the session ended meanwhile: the next one is built from the new report anyway
                LoggerFactory.getLogger(LiveAccess.class).warn("could not update the tool list: {}", e.toString());
            }
        }
    }

    @Override
    public ToolSurface surface() {
        return current.surface();
    }

    @Override
    public TokenInfo tokenInfo() {
        return current.tokenInfo();
    }
}

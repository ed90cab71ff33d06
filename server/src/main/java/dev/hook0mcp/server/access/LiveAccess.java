package dev.hook0mcp.server.access;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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

    /** A start served from the probe cache asks Hook0 again this long after the first tools/list ... */
    static final Duration REVALIDATE_AFTER_LIST = Duration.ofMillis(300);
    /** ... or this long after start when no tools/list comes. */
    static final Duration REVALIDATE_FALLBACK = Duration.ofSeconds(5);

    private final CountDownLatch listed = new CountDownLatch(1);

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
     * Inspects {@code token}; returns the probed report when it comes within {@code handshakeWait}
     * (HOOK0_HANDSHAKE_WAIT_SECONDS), else the provisional one, replaced when probing ends. Each outcome is logged
     * once.
     */
    public static LiveAccess inspect(AccessInspector inspector, String token, Logger log, Duration handshakeWait) {
        return begin(inspector, token, log, handshakeWait).await();
    }

    /**
     * Starts inspecting {@code token} on its own thread and returns at once, so the caller can set up the MCP
     * server meanwhile; {@link Inspection#await} then gives the access as {@link #inspect} would.
     */
    public static Inspection begin(AccessInspector inspector, String token, Logger log, Duration handshakeWait) {
        Optional<AccessReport> remembered = inspector.remembered(token);
        if (remembered.isPresent()) {
            LiveAccess live = new LiveAccess(remembered.get()).watched(inspector, token);
            TokenInfoLog.log(remembered.get().tokenInfo(), log, inspector.firstNudge(token));
            log.info("listing the tools from Hook0's answers of a recent start (probe cache); asking Hook0 again in"
                    + " the background");
            live.revalidate(inspector, token, log);
            return new Inspection(inspector, token, log, null, live, handshakeWait);
        }
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
        return new Inspection(inspector, token, log, probing, null, handshakeWait);
    }

    /**
     * Probes again in the background, once the first tools/list was answered (or after
     * {@link #REVALIDATE_FALLBACK}), and replaces the remembered report with Hook0's fresh answer; clients get
     * tools/list_changed when the tools differ ({@link #onChange} listeners).
     */
    private void revalidate(AccessInspector inspector, String token, Logger log) {
        Thread again = new Thread(() -> {
            try {
                if (listed.await(REVALIDATE_FALLBACK.toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(REVALIDATE_AFTER_LIST.toMillis()); // let the tools/list answer go out first
                }
                AccessReport fresh = inspector.inspect(token);
                if (!fresh.surface().enabledNames().equals(current.surface().enabledNames())) {
                    log.info("Hook0's fresh answer changes the tools:");
                    TokenInfoLog.log(fresh.tokenInfo(), log, inspector.firstNudge(token));
                }
                replace(fresh);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("probing again failed; keeping the remembered tools: {}", e.toString());
            }
        }, "hook0-revalidate");
        again.setDaemon(true);
        again.start();
    }

    /** Called when tools/list is answered: a remembered report is then checked with Hook0 again. */
    public void listed() {
        listed.countDown();
    }

    /** An inspection under way (see {@link #begin}). */
    public static final class Inspection {
        private final AccessInspector inspector;
        private final String token;
        private final Logger log;
        private final CompletableFuture<AccessReport> probing;
        private final LiveAccess remembered;
        private final Duration handshakeWait;

        private Inspection(AccessInspector inspector, String token, Logger log, CompletableFuture<AccessReport> probing,
                LiveAccess remembered, Duration handshakeWait) {
            this.inspector = inspector;
            this.token = token;
            this.log = log;
            this.probing = probing;
            this.remembered = remembered;
            this.handshakeWait = handshakeWait;
        }

        /** Whether {@link #await} answers at once: the access was remembered, or probing has ended. */
        public boolean ready() {
            return remembered != null || probing.isDone();
        }

        /**
         * The remembered access at once; else the probed one when probing ends within the handshake wait,
         * else the provisional one.
         */
        public LiveAccess await() {
            if (remembered != null) {
                return remembered;
            }
            try {
                AccessReport probed = probing.get(handshakeWait.toMillis(), TimeUnit.MILLISECONDS);
                TokenInfoLog.log(probed.tokenInfo(), log, inspector.firstNudge(token));
                return new LiveAccess(probed).watched(inspector, token);
            } catch (TimeoutException e) {
                LiveAccess live = new LiveAccess(inspector.provisional(token)).watched(inspector, token);
                log.warn("Hook0 has not answered the probes within {} s: serving the tools the token's own text"
                        + " allows until it does (HOOK0_HANDSHAKE_WAIT_SECONDS)", handshakeWait.toSeconds());
                probing.whenComplete((probed, failure) -> {
                    if (probed != null) {
                        TokenInfoLog.log(probed.tokenInfo(), log, inspector.firstNudge(token));
                        live.replace(probed);
                    } else {
                        log.error("probing failed; keeping the tools the token's own text allows: {}",
                                failure.toString());
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

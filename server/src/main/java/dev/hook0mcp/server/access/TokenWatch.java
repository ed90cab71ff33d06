package dev.hook0mcp.server.access;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LiveAccess} in step with its token while the server runs: when the token's expiry passes, or a
 * call is refused with 403 {@code AuthInvalidBiscuit} (revoked), the token is inspected again and the new report
 * replaces the old one (its listeners change the tool list and send {@code notifications/tools/list_changed}).
 * The expiry is judged by the inspector's clock ({@link ExpiryAlarms}).
 * One re-inspection at a time per token; a rejection arriving meanwhile is covered by the one running.
 */
final class TokenWatch {

    /** How long after its expiry instant a token is looked at again (clocks of Hook0 and ours differ a little). */
    static final Duration EXPIRY_MARGIN = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(TokenWatch.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hook0-token-watch");
        t.setDaemon(true);
        return t;
    });

    private final LiveAccess access;
    private final AccessInspector inspector;
    private final String token;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExpiryAlarms.Alarm expiry;

    TokenWatch(LiveAccess access, AccessInspector inspector, String token) {
        this.access = access;
        this.inspector = inspector;
        this.token = token;
    }

    /** Schedules one re-inspection just after the report's expiry, when it has one still to come. */
    synchronized void scheduleExpiry(AccessReport report) {
        if (report.facts() == null || report.facts().expiresAt().isEmpty() || !report.usable()) {
            return;
        }
        Instant at = report.facts().expiresAt().get().plus(EXPIRY_MARGIN);
        if (expiry != null && at.equals(expiry.at())) {
            return;
        }
        if (expiry != null) {
            expiry.cancel();
        }
        expiry = inspector.expiryAlarms().at(at, () -> recheck("the token's expiry passed"));
    }

    /** Inspects the token again in the background, unless an inspection is already running. */
    void recheck(String why) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        TIMER.execute(() -> {
            try {
                log.info("{}: inspecting the token again", why);
                AccessReport report = inspector.inspect(token);
                TokenInfoLog.log(report.tokenInfo(), log, inspector.firstNudge(token));
                access.replace(report);
            } catch (RuntimeException e) {
                log.warn("re-inspecting the token failed: {}", e.toString());
            } finally {
                running.set(false);
            }
        });
    }
}

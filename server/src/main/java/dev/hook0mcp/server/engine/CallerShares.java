package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.access.CallerAccess;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ToolOutcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each caller's bounded share of the threads that run tool calls, and so of concurrent Hook0 requests: at most
 * {@link #PER_CALLER} tool calls of one caller (one token: its {@link CallerAccess}, which every call of that
 * caller shares, whatever deadline each call carries) run at once. A call beyond
 * that waits up to {@link #WAIT} for a slot (at most {@link #MAX_WAITING} calls of a caller wait; more are
 * refused at once), then gets an error result without any request to Hook0. So one caller holds at most
 * PER_CALLER + MAX_WAITING threads, and its slow calls cannot fill the pool every other caller needs.
 */
final class CallerShares {

    static final int PER_CALLER = 8;
    static final int MAX_WAITING = 8;
    static final Duration WAIT = Duration.ofSeconds(2);

    /** One caller's running slots and how many of its calls wait for one. */
    private record Share(Semaphore running, AtomicInteger waiting) {}

    private final Map<CallerAccess, Share> shares = new WeakHashMap<>();
    private final Duration wait;

    CallerShares() {
        this(WAIT);
    }

    /** @param wait how long a call beyond the share waits for a slot (the server's is {@link #WAIT}) */
    CallerShares(Duration wait) {
        this.wait = wait;
    }

    /** A held slot, or null when the caller already runs {@link #PER_CALLER} calls (after waiting briefly). */
    Semaphore enter(CallContext caller) throws InterruptedException {
        Share share = shareOf(caller);
        if (share.running().tryAcquire()) {
            return share.running();
        }
        try {
            if (share.waiting().incrementAndGet() > MAX_WAITING) {
                return null;
            }
            return share.running().tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) ? share.running() : null;
        } finally {
            share.waiting().decrementAndGet();
        }
    }

    /** How many of the caller's calls are waiting for a slot now (a test waits for its waiters with it). */
    int waiting(CallContext caller) {
        return Math.max(0, shareOf(caller).waiting().get());
    }

    private Share shareOf(CallContext caller) {
        synchronized (shares) {
            return shares.computeIfAbsent(caller.access(),
                    c -> new Share(new Semaphore(PER_CALLER), new AtomicInteger()));
        }
    }

    static ToolOutcome busy(String toolName) {
        ObjectNode out = Json.object();
        out.put("message", "Too many concurrent calls for this token (" + PER_CALLER + "); " + toolName
                + " was not run and nothing was sent to Hook0. Retry shortly.");
        out.put("next_step", "Wait for your other calls to finish, then retry " + toolName + ".");
        return ToolOutcome.failure(out);
    }
}

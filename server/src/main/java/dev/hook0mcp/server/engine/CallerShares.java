package dev.hook0mcp.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Each caller's bounded share of the threads that run tool calls, and so of concurrent Hook0 requests: at most
 * {@link #PER_CALLER} tool calls of one caller (one token, one {@link CallContext}) run at once. A call beyond
 * that waits up to {@link #WAIT} for a slot, then gets an error result without any request to Hook0. Without
 * it, one caller's slow calls fill the SDK's shared worker pool and every other caller queues behind them.
 */
final class CallerShares {

    static final int PER_CALLER = 4;
    static final Duration WAIT = Duration.ofSeconds(1);

    private final Map<CallContext, Semaphore> slots = new WeakHashMap<>();

    /** A held slot, or null when the caller already runs {@link #PER_CALLER} calls (after waiting briefly). */
    Semaphore enter(CallContext caller) throws InterruptedException {
        Semaphore semaphore;
        synchronized (slots) {
            semaphore = slots.computeIfAbsent(caller, c -> new Semaphore(PER_CALLER));
        }
        return semaphore.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS) ? semaphore : null;
    }

    static ToolOutcome busy(String toolName) {
        ObjectNode out = Json.object();
        out.put("message", "Too many concurrent calls for this token (" + PER_CALLER + "); " + toolName
                + " was not run and nothing was sent to Hook0. Retry shortly.");
        out.put("next_step", "Wait for your other calls to finish, then retry " + toolName + ".");
        return ToolOutcome.failure(out);
    }
}

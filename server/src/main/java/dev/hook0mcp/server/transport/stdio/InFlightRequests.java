package dev.hook0mcp.server.transport.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Ids of the stdio requests handed to the SDK and not answered yet, so the server can stop only once every
 * request it took has its answer on stdout (or the grace period is over).
 */
final class InFlightRequests {

    private final Map<String, Integer> pending = new HashMap<>();

    synchronized void started(JsonNode id) {
        pending.merge(key(id), 1, Integer::sum);
    }

    synchronized void answered(String key) {
        Integer left = pending.get(key);
        if (left == null) {
            return;
        }
        if (left <= 1) {
            pending.remove(key);
        } else {
            pending.put(key, left - 1);
        }
        if (pending.isEmpty()) {
            notifyAll();
        }
    }

    synchronized int count() {
        return pending.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** When the first drain began plus its grace: end of input and the server's stop share one grace period. */
    private long drainDeadline;
    private boolean draining;

    /**
     * Waits until nothing is in flight or the grace period is over; true when nothing is in flight. The first call
     * starts the grace period and later ones end with it: stopping waits {@code grace} once, not once per step.
     */
    synchronized boolean drain(Duration grace) throws InterruptedException {
        if (!draining) {
            draining = true;
            drainDeadline = System.nanoTime() + grace.toNanos();
        }
        while (!pending.isEmpty()) {
            long left = drainDeadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Ids 7 and "7" are different requests; the SDK writes back each id as it came. */
    static String key(JsonNode id) {
        return key(id.isTextual(), id.asText());
    }

    static String key(boolean textual, String text) {
        return (textual ? "s:" : "n:") + text;
    }
}

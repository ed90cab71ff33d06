package dev.hook0mcp.server.access;

/**
 * A token bucket that keeps probes inside Hook0's per-token rate limit (burst 20, one request back every 100 ms),
 * with room left for the user's own first calls.
 */
final class RateBudget {

    private final int capacity;
    private final double perSecond;
    private double available;
    private long last = System.nanoTime();

    RateBudget(int capacity, double perSecond) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.available = capacity;
    }

    /** Blocks until one request may be sent. */
    synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            available = Math.min(capacity, available + (now - last) / 1e9 * perSecond);
            last = now;
            if (available >= 1) {
                available -= 1;
                return;
            }
            long waitMs = (long) Math.ceil((1 - available) / perSecond * 1000);
            wait(Math.max(1, waitMs));
        }
    }
}

package dev.hook0mcp.server.access;

/**
 * A token bucket: {@code capacity} requests at once, then {@code perSecond} back. Hook0 rate-limits a token family
 * (a root token and its attenuations) at a burst of 20 and 10 per second; probes stay inside that with room left
 * for the user's own calls.
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
        tryAcquire(Long.MAX_VALUE);
    }

    /**
     * Takes one request if it becomes available before {@code deadlineNanos} ({@link System#nanoTime()} scale);
     * gives up at once when it cannot refill in time, so a caller never waits for nothing.
     */
    synchronized boolean tryAcquire(long deadlineNanos) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            available = Math.min(capacity, available + (now - last) / 1e9 * perSecond);
            last = now;
            if (available >= 1) {
                available -= 1;
                return true;
            }
            long waitNanos = (long) Math.ceil((1 - available) / perSecond * 1e9);
            if (deadlineNanos != Long.MAX_VALUE && now + waitNanos - deadlineNanos > 0) {
                return false;
            }
            wait(Math.max(1, waitNanos / 1_000_000));
        }
    }
}

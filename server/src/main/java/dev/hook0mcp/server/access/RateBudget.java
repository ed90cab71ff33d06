package dev.hook0mcp.server.access;

/**
 * A token bucket: {@code capacity} requests at once, then {@code perSecond} back. Hook0 rate-limits a token family
 * (a root token and its attenuations) at a burst of 20 and 10 per second; probes stay inside that with room left
 * for the user's own calls.
 */
final class RateBudget {

    private final int capacity;
    private final double perSecond;
    private final Ticker ticker;
    private double available;
    private long last;

    RateBudget(int capacity, double perSecond) {
        this(capacity, perSecond, Ticker.SYSTEM);
    }

    RateBudget(int capacity, double perSecond, Ticker ticker) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.ticker = ticker;
        this.available = capacity;
        this.last = ticker.nanoTime();
    }

    /** Blocks until one request may be sent. */
    synchronized void acquire() throws InterruptedException {
        tryAcquire(Long.MAX_VALUE);
    }

    /**
     * Takes one request if it becomes available before {@code deadlineNanos} (the ticker's {@link System#nanoTime()} scale);
     * gives up at once when it cannot refill in time, so a caller never waits for nothing.
     */
    synchronized boolean tryAcquire(long deadlineNanos) throws InterruptedException {
        while (true) {
            long now = ticker.nanoTime();
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
            ticker.await(this, waitNanos);
        }
    }
}

package dev.hook0mcp.server.access;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} whose waits take no time: a wait moves the clock forward by what it would have waited. Budgets
 * then refill exactly as they would after that time, so their arithmetic is tested without spending it.
 */
final class FastForwardTicker implements Ticker {

    private final AtomicLong skipped = new AtomicLong();

    @Override
    public long nanoTime() {
        return System.nanoTime() + skipped.get();
    }

    @Override
    public void await(Object monitor, long nanos) {
        skipped.addAndGet(Math.max(1, nanos));
    }

    /** Seconds of clock time skipped so far. */
    double skippedSeconds() {
        return skipped.get() / 1e9;
    }
}

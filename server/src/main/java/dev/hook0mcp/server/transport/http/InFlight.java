package dev.hook0mcp.server.transport.http;

/**
 * Requests being served, for a graceful stop: once closed no request is taken, and {@link #awaitIdle} waits until
 * the ones already taken are answered. Event streams (GET) are not counted: they end when their session closes.
 */
final class InFlight {

    private int count;
    private boolean closed;

    /** Takes a request, counted when {@code counted}; false once closing (the request is refused). */
    synchronized boolean enter(boolean counted) {
        if (closed) {
            return false;
        }
        if (counted) {
            count++;
        }
        return true;
    }

    synchronized void exit() {
        count--;
        notifyAll();
    }

    /** The counted requests not answered yet. */
    synchronized int count() {
        return count;
    }

    synchronized void close() {
        closed = true;
    }

    /** Waits until no counted request is left, or the grace period is over; true when none is left. */
    synchronized boolean awaitIdle(long graceMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + graceMillis;
        while (count > 0) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}

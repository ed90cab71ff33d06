package dev.hook0mcp.server.access;

/**
 * The time probe budgets pace by. The server uses {@link #SYSTEM}; a test can fast-forward instead of waiting, so a
 * budget's arithmetic (burst, refill, quota) is checked without spending the seconds it describes.
 */
public interface Ticker {

    /** Now, on the {@link System#nanoTime()} scale. */
    long nanoTime();

    /** Waits about {@code nanos} on {@code monitor}, whose lock the caller holds (as {@link Object#wait(long)}). */
    void await(Object monitor, long nanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Object monitor, long nanos) throws InterruptedException {
            monitor.wait(Math.max(1, nanos / 1_000_000));
        }
    };
}

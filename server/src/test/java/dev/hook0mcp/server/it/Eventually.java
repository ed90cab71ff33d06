package dev.hook0mcp.server.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition every 10 ms: for waits on what another process or thread writes. */
final class Eventually {

    private Eventually() {}

    /** True as soon as {@code condition} holds; false when it did not within {@code timeout}. */
    static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}

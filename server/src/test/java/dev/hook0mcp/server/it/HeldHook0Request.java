package dev.hook0mcp.server.it;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A {@link DelayingHook0} delay that holds the requests to one path, once armed, until the test releases them: a
 * call stays in flight at Hook0 for exactly as long as the scenario needs (until a signal has been handled, say),
 * with no guess of how long that takes.
 */
final class HeldHook0Request implements Function<DelayingHook0.Seen, Duration> {

    /** The longest a request is held when the test never releases it (it failed before). */
    private static final long MAX_HOLD_SECONDS = 60;

    private final String path;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldHook0Request(String path) {
        this.path = path;
    }

    /** From now on, requests to the path are held. */
    void arm() {
        armed.set(true);
    }

    /** Waits until a request is held (the call is then in flight at Hook0). */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held requests (and any later ones) through to the sandbox. */
    void release() {
        released.countDown();
    }

    @Override
    public Duration apply(DelayingHook0.Seen seen) {
        if (armed.get() && seen.path().equals(path)) {
            reached.countDown();
            try {
                released.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Duration.ZERO;
    }
}

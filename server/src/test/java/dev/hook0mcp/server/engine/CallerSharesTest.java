package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.access.CallerAccess;
import dev.hook0mcp.server.access.ToolSurface;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.hook0.Hook0Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/** A caller runs at most PER_CALLER calls, at most MAX_WAITING more wait briefly, the rest are refused at once. */
class CallerSharesTest {

    /** A caller of its own: its own token's access, as each per-caller endpoint has. */
    private static CallContext caller() {
        CallerAccess access = new CallerAccess() {
            @Override
            public ToolSurface surface() {
                throw new UnsupportedOperationException("not needed here");
            }

            @Override
            public dev.hook0mcp.server.access.TokenInfo tokenInfo() {
                throw new UnsupportedOperationException("not needed here");
            }
        };
        return new CallContext(new Hook0Client("http://127.0.0.1:9", Duration.ofSeconds(1)), "t", access);
    }

    @Test
    void aCallerBeyondItsShareIsRefusedAndAnotherCallerIsNot() throws Exception {
        CallerShares shares = new CallerShares();
        CallContext a = caller();
        for (int i = 0; i < CallerShares.PER_CALLER; i++) {
            // Each tool call carries its own deadline, hence its own CallContext: the share is still the caller's.
            assertNotNull(shares.enter(a.withDeadline(dev.hook0mcp.server.hook0.Deadline.after(Duration.ofSeconds(60)))));
        }
        ExecutorService waiters = Executors.newFixedThreadPool(CallerShares.MAX_WAITING);
        try {
            CountDownLatch started = new CountDownLatch(CallerShares.MAX_WAITING);
            List<Future<Semaphore>> waiting = new ArrayList<>();
            for (int i = 0; i < CallerShares.MAX_WAITING; i++) {
                waiting.add(waiters.submit(() -> {
                    started.countDown();
                    return shares.enter(a);
                }));
            }
            started.await();
            Thread.sleep(200); // the waiters are now waiting for a slot
            long start = System.nanoTime();
            assertNull(shares.enter(a), "beyond the waiting room: refused");
            assertTrue(System.nanoTime() - start < CallerShares.WAIT.toNanos(), "refused at once, without waiting");

            assertNotNull(shares.enter(caller()), "another caller has its own share");
            for (Future<Semaphore> f : waiting) {
                assertNull(f.get(), "no slot came free within the wait");
            }
        } finally {
            waiters.shutdownNow();
        }
    }
}

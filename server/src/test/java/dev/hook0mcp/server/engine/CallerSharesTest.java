package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.access.CallerAccess;
import dev.hook0mcp.server.access.ToolSurface;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.hook0.Deadline;
import dev.hook0mcp.server.hook0.Hook0Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
        // Waiters wait far longer than the test runs: the waiting room stays full while it is checked.
        CallerShares shares = new CallerShares(Duration.ofMinutes(1));
        CallContext a = caller();
        fillShare(shares, a);
        ExecutorService waiters = Executors.newFixedThreadPool(CallerShares.MAX_WAITING);
        try {
            for (int i = 0; i < CallerShares.MAX_WAITING; i++) {
                waiters.submit(() -> shares.enter(a));
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (shares.waiting(a) < CallerShares.MAX_WAITING) {
                assertTrue(System.nanoTime() - until < 0, "the waiters never waited for a slot");
                Thread.sleep(5);
            }
            long start = System.nanoTime();
            assertNull(shares.enter(a), "beyond the waiting room: refused");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "refused at once, without waiting");

            assertNotNull(shares.enter(caller()), "another caller has its own share");
        } finally {
            waiters.shutdownNow();
        }
    }

    @Test
    void aCallThatFindsNoFreeSlotWithinTheWaitIsRefused() throws Exception {
        CallerShares shares = new CallerShares(Duration.ofMillis(50));
        CallContext a = caller();
        fillShare(shares, a);
        long start = System.nanoTime();
        assertNull(shares.enter(a), "no slot came free within the wait");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos(), "it waited for a slot first");
    }

    @Test
    void aSlotThatComesFreeWithinTheWaitIsTaken() throws Exception {
        CallerShares shares = new CallerShares(Duration.ofMinutes(1));
        CallContext a = caller();
        List<Semaphore> running = fillShare(shares, a);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Semaphore> waiting = waiter.submit(() -> shares.enter(a));
            while (shares.waiting(a) < 1) {
                Thread.sleep(5);
            }
            running.get(0).release();
            assertNotNull(waiting.get(30, TimeUnit.SECONDS), "the waiting call got the freed slot");
        } finally {
            waiter.shutdownNow();
        }
    }

    /** Takes every slot of {@code caller}'s share. */
    private static List<Semaphore> fillShare(CallerShares shares, CallContext caller) throws InterruptedException {
        List<Semaphore> slots = new ArrayList<>();
        for (int i = 0; i < CallerShares.PER_CALLER; i++) {
            // Each tool call carries its own deadline, hence its own CallContext: the share is still the caller's.
            Semaphore slot = shares.enter(caller.withDeadline(Deadline.after(Duration.ofSeconds(60))));
            assertNotNull(slot);
            slots.add(slot);
        }
        return slots;
    }
}

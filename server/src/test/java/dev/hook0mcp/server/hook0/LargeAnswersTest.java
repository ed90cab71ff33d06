package dev.hook0mcp.server.hook0;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Large answers are handled one tool call at a time; nothing else ever waits. */
class LargeAnswersTest {

    @Test
    void aSecondCallWaitsForTheFirstCallsTurnToEnd() throws Exception {
        CountDownLatch firstHasTurn = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (LargeAnswers.Call call = LargeAnswers.begin()) {
                assertTrue(LargeAnswers.awaitTurn(1_000));
                assertTrue(LargeAnswers.awaitTurn(0), "a call keeps its turn for its next large answer");
                firstHasTurn.countDown();
                firstMayEnd.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(firstHasTurn.await(5, TimeUnit.SECONDS));
        try (LargeAnswers.Call second = LargeAnswers.begin()) {
            assertFalse(LargeAnswers.awaitTurn(50), "the turn is the first call's");
            firstMayEnd.countDown();
            first.get(5, TimeUnit.SECONDS);
            assertTrue(LargeAnswers.awaitTurn(5_000), "the turn is free once the first call has ended");
        }
        try (LargeAnswers.Call third = LargeAnswers.begin()) {
            assertTrue(LargeAnswers.awaitTurn(0), "and free again once the second has");
        }
    }

    @Test
    void aCallInsideACallAndARequestOutsideAnyCallNeverWait() throws Exception {
        try (LargeAnswers.Call outer = LargeAnswers.begin()) {
            assertTrue(LargeAnswers.awaitTurn(1_000));
            try (LargeAnswers.Call inner = LargeAnswers.begin()) {
                assertTrue(LargeAnswers.awaitTurn(0), "the outer call's turn serves the inner one");
            }
            assertTrue(LargeAnswers.awaitTurn(0), "closing the inner call leaves the outer one its turn");
            CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> {
                try {
                    return LargeAnswers.awaitTurn(0);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertTrue(probe.get(5, TimeUnit.SECONDS), "a request outside a tool call (a probe) does not wait");
        }
    }
}

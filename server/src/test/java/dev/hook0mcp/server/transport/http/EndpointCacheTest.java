package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EndpointCacheTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<String> closed = new CopyOnWriteArrayList<>();

    @Test
    void oneEndpointPerKeyAndEachKeyItsOwn() throws Exception {
        var cache = new EndpointCache<String>(10, Duration.ofMinutes(30), clock, closed::add);
        String a = cache.get("a", k -> "endpoint-" + k + "-" + System.nanoTime());
        assertSame(a, cache.get("a", k -> "never"));
        assertEquals("endpoint-b", cache.get("b", k -> "endpoint-" + k));
    }

    @Test
    void boundedInSizeClosingTheLeastRecentlyUsed() throws Exception {
        var cache = new EndpointCache<String>(2, Duration.ofMinutes(30), clock, closed::add);
        cache.get("a", k -> k);
        cache.get("b", k -> k);
        cache.get("a", k -> k);
        cache.get("c", k -> k);
        assertEquals(2, cache.size());
        assertEquals(List.of("b"), closed);
    }

    @Test
    void anEndpointWithLiveSessionsIsNeverEvictedAndAFullCacheRefusesTheNewcomer() throws Exception {
        List<String> live = new CopyOnWriteArrayList<>(List.of("a"));
        var cache = new EndpointCache<String>(2, Duration.ofMinutes(30), clock, closed::add, live::contains);
        cache.get("a", k -> k);
        cache.get("b", k -> k);
        cache.get("c", k -> k); // b, the least recently used without sessions, makes room
        assertEquals(List.of("b"), closed);
        live.add("c");
        assertThrows(EndpointCache.FullException.class, () -> cache.get("d", k -> k));
        assertEquals(List.of("b"), closed);
        assertEquals("a", cache.get("a", k -> "never"));
    }

    @Test
    void idleEndpointsAreClosedAndRecomputedOnNextUse() throws Exception {
        var cache = new EndpointCache<String>(10, Duration.ofMinutes(30), clock, closed::add);
        AtomicInteger builds = new AtomicInteger();
        cache.get("a", k -> k + builds.incrementAndGet());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertEquals("a2", cache.get("a", k -> k + builds.incrementAndGet()));
        assertEquals(List.of("a1"), closed);
    }

    @Test
    void concurrentFirstRequestsShareOneProbe() throws Exception {
        var cache = new EndpointCache<String>(10, Duration.ofMinutes(30), clock, closed::add);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.get("same", k -> {
                        builds.incrementAndGet();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "probed";
                    });
                }));
            }
            go.countDown();
            for (Future<String> f : results) {
                assertEquals("probed", f.get());
            }
            assertEquals(1, builds.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedCreationIsNotCachedAndClosingClosesEverything() throws Exception {
        var cache = new EndpointCache<String>(10, Duration.ofMinutes(30), clock, closed::add);
        assertThrows(IllegalStateException.class, () -> cache.get("x", k -> {
            throw new IllegalStateException("probe failed");
        }));
        assertEquals("x-ok", cache.get("x", k -> "x-ok"));
        cache.get("y", k -> "y-ok");
        cache.close();
        assertEquals(List.of("x-ok", "y-ok"), closed);
        assertEquals(0, cache.size());
    }
}

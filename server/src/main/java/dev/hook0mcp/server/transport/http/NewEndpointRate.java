package dev.hook0mcp.server.transport.http;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** How many new endpoints (tokens never seen, each costing a probe of Hook0) one client address may create per window. */
final class NewEndpointRate {

    private static final int MAX_ADDRESSES = 10_000;

    private final int perWindow;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    NewEndpointRate(int perWindow, long windowMillis, Clock clock) {
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Takes one slot for the address; false when its window is full. */
    synchronized boolean tryAcquire(String address) {
        long now = clock.millis();
        if (recent.size() > MAX_ADDRESSES) {
            recent.values().removeIf(q -> q.isEmpty() || now - q.peekLast() > windowMillis);
        }
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() > windowMillis) {
            times.pollFirst();
        }
        if (times.size() >= perWindow) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Seconds until the address may create an endpoint again. */
    synchronized long retryAfterSeconds(String address) {
        Deque<Long> times = recent.get(address);
        if (times == null || times.isEmpty()) {
            return 1;
        }
        return Math.max(1, (windowMillis - (clock.millis() - times.peekFirst()) + 999) / 1000);
    }
}

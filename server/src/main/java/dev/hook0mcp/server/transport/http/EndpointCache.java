package dev.hook0mcp.server.transport.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Per-token endpoints, keyed by a SHA-256 of the token (never the token text), bounded in size and evicted after
 * an idle period. Two concurrent first requests with the same token share one probe.
 */
final class EndpointCache<V> implements AutoCloseable {

    private record Entry<V>(CompletableFuture<V> endpoint, long lastUsedMillis) {}

    private final int maxEntries;
    private final long idleMillis;
    private final Clock clock;
    private final Consumer<V> onEvict;
    private final Map<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    private final Predicate<String> inUse;

    /** Thrown when the cache is full of endpoints in use: none may be evicted for a new one. */
    static final class FullException extends RuntimeException {
        FullException() {
            super("every cached endpoint has live sessions", null, false, false);
        }
    }

    /** @param onEvict closes an endpoint that leaves the cache (evicted, or the cache closed) */
    EndpointCache(int maxEntries, Duration idle, Clock clock, Consumer<V> onEvict) {
        this(maxEntries, idle, clock, onEvict, key -> false);
    }

    /** @param inUse whether the endpoint of a key has live sessions: never evicted, not even when idle */
    EndpointCache(int maxEntries, Duration idle, Clock clock, Consumer<V> onEvict, Predicate<String> inUse) {
        this.maxEntries = maxEntries;
        this.idleMillis = idle.toMillis();
        this.clock = clock;
        this.onEvict = onEvict;
        this.inUse = inUse;
    }

    /** Whether the key has an endpoint (ready or being built). */
    synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    V get(String key, Function<String, V> create) throws InterruptedException {
        CompletableFuture<V> future;
        boolean creator = false;
        List<V> evicted = new ArrayList<>();
        synchronized (this) {
            evictIdle(evicted);
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                if (entries.size() >= maxEntries && !evictOne(evicted)) {
                    evicted.forEach(onEvict);
                    throw new FullException();
                }
                future = new CompletableFuture<>();
                creator = true;
            } else {
                future = entry.endpoint();
            }
            entries.put(key, new Entry<>(future, clock.millis()));
        }
        evicted.forEach(onEvict);
        if (creator) {
            try {
                future.complete(create.apply(key));
            } catch (RuntimeException e) {
                synchronized (this) {
                    entries.remove(key);
                }
                future.completeExceptionally(e);
            }
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Evicts the least recently used endpoint not in use; false when every one is in use or being built. */
    private boolean evictOne(List<V> evicted) {
        for (Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry<V>> e = it.next();
            if (e.getValue().endpoint().isDone() && !inUse.test(e.getKey())) {
                it.remove();
                e.getValue().endpoint().thenAccept(evicted::add);
                return true;
            }
        }
        return false;
    }

    synchronized int size() {
        return entries.size();
    }

    private void evictIdle(List<V> evicted) {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry<V>> item = it.next();
            Entry<V> e = item.getValue();
            if (now - e.lastUsedMillis() > idleMillis && e.endpoint().isDone() && !inUse.test(item.getKey())) {
                it.remove();
                e.endpoint().thenAccept(evicted::add);
            }
        }
    }

    @Override
    public void close() {
        List<V> all = new ArrayList<>();
        synchronized (this) {
            entries.values().forEach(e -> e.endpoint().thenAccept(all::add));
            entries.clear();
        }
        all.forEach(onEvict);
    }
}

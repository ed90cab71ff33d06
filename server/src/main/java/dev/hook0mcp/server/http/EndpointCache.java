package dev.hook0mcp.server.http;

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

    /** @param onEvict closes an endpoint that leaves the cache (evicted, or the cache closed) */
    EndpointCache(int maxEntries, Duration idle, Clock clock, Consumer<V> onEvict) {
        this.maxEntries = maxEntries;
        this.idleMillis = idle.toMillis();
        this.clock = clock;
        this.onEvict = onEvict;
    }

    V get(String key, Function<String, V> create) throws InterruptedException {
        CompletableFuture<V> future;
        boolean creator = false;
        List<V> evicted = new ArrayList<>();
        synchronized (this) {
            evictIdle(evicted);
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                future = new CompletableFuture<>();
                creator = true;
            } else {
                future = entry.endpoint();
            }
            entries.put(key, new Entry<>(future, clock.millis()));
            while (entries.size() > maxEntries) {
                Iterator<Map.Entry<String, Entry<V>>> eldest = entries.entrySet().iterator();
                Map.Entry<String, Entry<V>> e = eldest.next();
                eldest.remove();
                e.getValue().endpoint().thenAccept(evicted::add);
            }
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

    synchronized int size() {
        return entries.size();
    }

    private void evictIdle(List<V> evicted) {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Entry<V> e = it.next().getValue();
            if (now - e.lastUsedMillis() > idleMillis && e.endpoint().isDone()) {
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

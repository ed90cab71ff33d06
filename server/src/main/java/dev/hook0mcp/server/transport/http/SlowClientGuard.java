package dev.hook0mcp.server.transport.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow or numerous connections of one client from taking the connection limit from everyone (slowloris).
 * Jetty's idle timeout restarts at every byte, so a client sending a header line every few seconds would hold
 * its connection for ever: here a request's line and headers must arrive within {@code headDeadline} of their
 * first byte, or the connection is closed. And one client address may hold at most {@code perAddress}
 * connections; beyond that a new one is closed at once (addresses of trusted proxies are not counted, as they
 * carry many clients).
 */
final class SlowClientGuard extends AbstractLifeCycle implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);

    private final Scheduler scheduler;
    private final long headDeadlineNanos;
    private final long checkMillis;
    private final int perAddress;
    private final Set<String> uncounted;
    /** Open HTTP/1 connections → when their current request head began (0: not inside one). */
    private final Map<HttpConnection, Long> heads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddressCount = new ConcurrentHashMap<>();
    /** Connections counted against their address → that address. */
    private final Map<Connection, String> counted = new ConcurrentHashMap<>();
    private volatile boolean running;

    SlowClientGuard(Scheduler scheduler, Duration headDeadline, int perAddress, Set<String> uncountedAddresses) {
        this.scheduler = scheduler;
        this.headDeadlineNanos = headDeadline.toNanos();
        this.checkMillis = Math.max(50, headDeadline.toMillis() / 4);
        this.perAddress = perAddress;
        this.uncounted = Set.copyOf(uncountedAddresses);
    }

    @Override
    protected void doStart() {
        running = true;
        scheduler.schedule(this::check, checkMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        running = false;
    }

    @Override
    public void onOpened(Connection connection) {
        String address = address(connection);
        if (address != null && !uncounted.contains(address)) {
            AtomicInteger count = perAddressCount.computeIfAbsent(address, a -> new AtomicInteger());
            if (count.incrementAndGet() > perAddress) {
                count.decrementAndGet(); // a connection closed here need not be reported closed
                log.warn("closing a connection from {}: it already holds {} connections", address, perAddress);
                connection.getEndPoint().close();
                return;
            }
            counted.put(connection, address);
        }
        if (connection instanceof HttpConnection http) {
            heads.put(http, 0L);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        heads.remove(connection);
        String address = counted.remove(connection); // a closed socket no longer knows its peer
        if (address != null) {
            perAddressCount.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    private void check() {
        if (!running) {
            return;
        }
        try {
            long now = System.nanoTime();
            for (Map.Entry<HttpConnection, Long> e : heads.entrySet()) {
                HttpConnection connection = e.getKey();
                if (!inHead(connection.getParser().getState())) {
                    e.setValue(0L);
                } else if (e.getValue() == 0L) {
                    e.setValue(now);
                } else if (now - e.getValue() > headDeadlineNanos) {
                    log.warn("closing a connection from {}: its request line and headers took more than {} s",
                            address(connection), TimeUnit.NANOSECONDS.toSeconds(headDeadlineNanos));
                    heads.remove(connection);
                    connection.getEndPoint().close();
                }
            }
        } finally {
            if (running) {
                scheduler.schedule(this::check, checkMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Between the first byte of a request and the end of its headers. */
    static boolean inHead(HttpParser.State state) {
        return state.ordinal() > HttpParser.State.START.ordinal() && state.ordinal() <= HttpParser.State.HEADER.ordinal();
    }

    private static String address(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }
}

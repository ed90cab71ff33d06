package dev.hook0mcp.server.transport.http;

import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The MCP sessions this server handed out, each bound to the token (by fingerprint) and client address that
 * opened it: caps them per token and in total, forgets idle ones, and tells whether a request may use a session.
 * The SDK keeps the session state; this table only decides admission, so a stateless mode can drop it.
 */
final class SessionTable {

    enum Admission { ADMITTED, TOKEN_FULL, SERVER_FULL }

    /** Who a session belongs to. */
    record Owner(String tokenKey, String address) {}

    private record Session(Owner owner, long lastUsedMillis) {}

    private final int perToken;
    private final int total;
    private final long idleMillis;
    private final Clock clock;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();

    SessionTable(int perToken, int total, long idleMillis, Clock clock) {
        this.perToken = perToken;
        this.total = total;
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    /** Reserves a place for a session the token is about to open; {@link #opened} or {@link #release} follows. */
    synchronized Admission reserve(String tokenKey) {
        expireIdle();
        int reservedTotal = reserved.values().stream().mapToInt(Integer::intValue).sum();
        if (sessions.size() + reservedTotal >= total) {
            return Admission.SERVER_FULL;
        }
        long mine = sessions.values().stream().filter(s -> s.owner().tokenKey().equals(tokenKey)).count()
                + reserved.getOrDefault(tokenKey, 0);
        if (mine >= perToken) {
            return Admission.TOKEN_FULL;
        }
        reserved.merge(tokenKey, 1, Integer::sum);
        return Admission.ADMITTED;
    }

    synchronized void release(String tokenKey) {
        reserved.computeIfPresent(tokenKey, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The reserved place becomes this session. */
    synchronized void opened(String sessionId, Owner owner) {
        release(owner.tokenKey());
        sessions.put(sessionId, new Session(owner, clock.millis()));
    }

    /** Whether the session exists and belongs to this caller (token, and address when asked); marks it used. */
    synchronized boolean use(String sessionId, Owner caller, boolean sameAddress) {
        Session s = sessions.get(sessionId);
        if (s == null || !s.owner().tokenKey().equals(caller.tokenKey())
                || (sameAddress && !s.owner().address().equals(caller.address()))) {
            return false;
        }
        if (clock.millis() - s.lastUsedMillis() > idleMillis) {
            sessions.remove(sessionId);
            return false;
        }
        sessions.put(sessionId, new Session(s.owner(), clock.millis()));
        return true;
    }

    synchronized void closed(String sessionId) {
        sessions.remove(sessionId);
    }

    /** Whether the token has a session in use: its endpoint must not be evicted for a stranger. */
    synchronized boolean hasLive(String tokenKey) {
        expireIdle();
        return sessions.values().stream().anyMatch(s -> s.owner().tokenKey().equals(tokenKey))
                || reserved.containsKey(tokenKey);
    }

    synchronized void forgetToken(String tokenKey) {
        sessions.values().removeIf(s -> s.owner().tokenKey().equals(tokenKey));
    }

    synchronized int size() {
        return sessions.size();
    }

    private void expireIdle() {
        long now = clock.millis();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastUsedMillis() > idleMillis) {
                it.remove();
            }
        }
    }
}

package dev.hook0mcp.server.transport.stdio;

import dev.hook0mcp.server.mcp.HandshakeAnswers;
import dev.hook0mcp.server.mcp.TokenSessions;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Once the stdio server is built: checks what {@link EarlyAnswers} sent against what the server answers itself
 * (a tool list that differs gets {@code notifications/tools/list_changed}), and keeps the {@link HandshakeCache}
 * entry in step with Hook0. An entry is kept only while the probe cache holds Hook0's answers for the same tools:
 * it is written a second after serving begins (or at the end, if the session is shorter), again each time Hook0 is
 * asked again, and removed when the two disagree. All of it off the threads that answer the client.
 */
final class HandshakeUpkeep {

    private static final long FIRST_RECORD_AFTER_MS = 1_000;

    private final StdioStreams streams;
    private final McpSyncServer server;
    private final TokenSessions tokens;
    private final TokenSessions.TokenSession session;
    private final String token;
    private final List<String> versions;
    private final McpJsonMapper mapper;
    private final Logger log;
    private final CountDownLatch ending = new CountDownLatch(1);
    private final Thread thread;

    private HandshakeUpkeep(StdioStreams streams, McpSyncServer server, TokenSessions tokens,
            TokenSessions.TokenSession session, String token, List<String> versions, McpJsonMapper mapper,
            Logger log) {
        this.streams = streams;
        this.server = server;
        this.tokens = tokens;
        this.session = session;
        this.token = token;
        this.versions = versions;
        this.mapper = mapper;
        this.log = log;
        this.thread = new Thread(this::run, "hook0-mcp-handshake-cache");
        thread.setDaemon(true);
    }

    static HandshakeUpkeep start(StdioStreams streams, McpSyncServer server, TokenSessions tokens,
            TokenSessions.TokenSession session, String token, List<String> versions, McpJsonMapper mapper,
            Logger log) {
        HandshakeUpkeep upkeep = new HandshakeUpkeep(streams, server, tokens, session, token, versions, mapper, log);
        upkeep.thread.start();
        return upkeep;
    }

    /** At the end of the session: the first record is made now if it was not yet; waits for it (at most 2 s). */
    void end() throws InterruptedException {
        ending.countDown();
        thread.join(2_000);
    }

    private void run() {
        try {
            HandshakeAnswers now = null;
            if (streams.early != null) {
                now = checkEarlyAnswers();
            } else {
                ending.await(FIRST_RECORD_AFTER_MS, TimeUnit.MILLISECONDS);
            }
            record(now);
            session.access().onChange(() -> record(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("handshake cache: {}", e.toString());
        }
    }

    /** @return this server's own answers, made for the comparison */
    private HandshakeAnswers checkEarlyAnswers() {
        EarlyAnswers early = streams.early;
        early.serverReady();
        HandshakeAnswers now = HandshakeAnswers.of(server, session, versions, mapper);
        early.initializeVersion().ifPresent(version -> {
            log.info("answered initialize{} from the handshake cache of a recent start, before this server was built",
                    early.toolsListSent().isPresent() ? " and tools/list" : "");
            if (!early.initializeSent().orElseThrow().equals(now.initialize().get(version))) {
                log.warn("the remembered initialize answer differs from this server's; the next start answers anew");
            }
        });
        early.toolsListSent().ifPresent(sent -> {
            session.access().listed(); // Hook0 is asked again, as after any tools/list of a start from the cache
            if (!sent.equals(now.toolsList())) {
                log.info("the remembered tool list differs from this token's tools now: sending tools/list_changed");
                server.notifyToolsListChanged();
            }
        });
        return now;
    }

    /**
     * Remember this server's answers while the probe cache holds Hook0's answers for the same tools.
     *
     * @param made the answers if they were just made for another purpose, else null (they are made here)
     */
    private synchronized void record(HandshakeAnswers made) {
        List<String> enabled = session.context().surface().enabledNames();
        boolean confirmed = tokens.remembered(token)
                .map(r -> r.surface().enabledNames().equals(enabled)).orElse(false);
        if (confirmed) {
            streams.cache.store(token, streams.apiUrl,
                    made != null ? made : HandshakeAnswers.of(server, session, versions, mapper),
                    session.access().tokenInfo().expiresAt());
        } else {
            streams.cache.forget(token, streams.apiUrl);
        }
    }
}

package dev.hook0mcp.server.transport.stdio;

import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.mcp.TokenSessions;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdin/stdout for one caller (the process that launched us). Nothing but MCP messages reaches stdout:
 * {@code System.out} is pointed at stderr while serving, so a stray print cannot corrupt the stream.
 *
 * <p>It stops at end of input or on SIGTERM, the same way: no new request is taken, requests already taken get
 * their answers (for at most the grace period), then the server closes and {@link #serve} returns.
 */
public final class StdioServer {

    private static final Logger log = LoggerFactory.getLogger(StdioServer.class);
    private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private StdioServer() {}

    /** Serves until stdin ends or SIGTERM arrives. */
    public static void serve(TokenSessions tokens, String token, InputStream stdin, PrintStream stdout,
            Duration grace) throws InterruptedException {
        serve(tokens, token, stdin, stdout, grace, () -> {});
    }

    /** @param serving runs once the token is inspected and the server reads stdin (the last start-up line) */
    public static void serve(TokenSessions tokens, String token, InputStream stdin, PrintStream stdout,
            Duration grace, Runnable serving) throws InterruptedException {
        serve(tokens, token, StdioStreams.open(stdin, stdout), grace, serving);
    }

    /** @param streams stdin and stdout, opened at the start of the process (they may have answered already) */
    public static void serve(TokenSessions tokens, String token, StdioStreams streams, Duration grace,
            Runnable serving) throws InterruptedException {
        // The probes go out first; the transport and the SDK set-up are prepared while Hook0 answers.
        TokenSessions.Opening opening = tokens.begin(token, log);
        CountDownLatch ended = new CountDownLatch(1);
        System.setOut(System.err);
        InFlightRequests inFlight = streams.inFlight;
        StdioGuard guarded = new StdioGuard(streams.in, streams.out, MAX_LINE_BYTES, ended::countDown, inFlight,
                grace);
        McpJsonMapper mapper = new JacksonMcpJsonMapper(Json.MAPPER);
        var transport = new SerializedSends(new StdioServerTransportProvider(mapper, guarded, streams.out));
        opening.warmUp(McpServer.sync(transport));
        TokenSessions.TokenSession session = opening.await();
        McpSyncServer server = tokens.server(McpServer.sync(transport), session, false);
        HandshakeUpkeep upkeep = HandshakeUpkeep.start(streams, server, tokens, session, token,
                transport.protocolVersions(), mapper, log);
        boolean onSignal = TerminationSignal.onTerm(ended::countDown);
        int tools = session.context().surface().enabledNames().size();
        log.info("serving MCP over stdio ({} tool{})", tools, tools == 1 ? "" : "s");
        serving.run();
        ended.await();
        guarded.stop();
        if (!inFlight.drain(grace)) {
            log.warn("{} request(s) still unanswered after the {} s grace period; stopping anyway",
                    inFlight.count(), grace.toSeconds());
        }
        log.info("{}; shutting down", onSignal && stdinStillOpen(guarded) ? "stopping" : "stdin closed");
        upkeep.end();
        server.closeGracefully();
    }

    private static boolean stdinStillOpen(StdioGuard guard) {
        return !guard.endOfInput();
    }
}

package dev.hook0mcp.server.transport.stdio;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Stdin and stdout as the stdio server uses them: every response is seen by {@link InFlightRequests} (the server
 * stops only once each request it took is answered) and passes {@link DuplicateAnswers}. Opened first thing at
 * start-up, before the catalogue or the SDK: when the {@link HandshakeCache} remembers this token, API URL and
 * build, {@link EarlyAnswers} answers initialize and tools/list from it at once.
 */
public final class StdioStreams {

    final InFlightRequests inFlight = new InFlightRequests();
    final ResponseWatcher out;
    final InputStream in;
    /** Null when nothing may be answered early. */
    final EarlyAnswers early;
    final HandshakeCache cache;
    final String apiUrl;

    private StdioStreams(InputStream stdin, PrintStream stdout, HandshakeCache cache, String token, String apiUrl) {
        DuplicateAnswers duplicates = new DuplicateAnswers(stdout);
        this.out = new ResponseWatcher(duplicates, inFlight);
        this.cache = cache;
        this.apiUrl = apiUrl;
        this.early = cache.load(token, apiUrl).map(a -> EarlyAnswers.start(a, stdin, out, duplicates)).orElse(null);
        this.in = early == null ? stdin : early.input();
    }

    /** Without a handshake cache: everything is answered by the SDK. */
    public static StdioStreams open(InputStream stdin, PrintStream stdout) {
        return new StdioStreams(stdin, stdout, HandshakeCache.off(), "", "");
    }

    /** With {@code cache}: answers initialize and tools/list from it when it remembers this token. */
    public static StdioStreams open(InputStream stdin, PrintStream stdout, HandshakeCache cache, String token,
            String apiUrl) {
        return new StdioStreams(stdin, stdout, cache, token, apiUrl);
    }
}

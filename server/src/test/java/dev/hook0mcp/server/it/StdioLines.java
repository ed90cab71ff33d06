package dev.hook0mcp.server.it;

import java.io.IOException;

/** Raw JSON-RPC lines to and from a stdio server: the jar ({@link RawProcess}) or in-process ({@link InProcessServer.Lines}). */
interface StdioLines {

    void send(String line) throws IOException;

    /** The next line the server wrote on stdout; null once it ended. */
    String readLine() throws IOException;
}

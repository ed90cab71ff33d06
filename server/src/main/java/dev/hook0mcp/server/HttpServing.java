package dev.hook0mcp.server;

import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.transport.http.HttpTransportServer;

/**
 * The HTTP transport as {@link Launcher#startHttp} starts it for {@code --transport http|sse}: the server, the core
 * it serves and the sandbox it may run. {@code main} serves it until SIGTERM, whose hook calls {@link #close};
 * tests serve and stop it in their own JVM.
 */
public final class HttpServing implements AutoCloseable {

    private final HttpTransportServer server;
    private final ServerCore core;
    private final Sandbox sandbox;

    /** @param sandbox the sandbox of {@code --sandbox}, stopped last; null without it */
    HttpServing(HttpTransportServer server, ServerCore core, Sandbox sandbox) {
        this.server = server;
        this.core = core;
        this.sandbox = sandbox;
    }

    public int port() {
        return server.port();
    }

    /** The URL clients connect to, e.g. http://127.0.0.1:3000/mcp. */
    public String url() {
        return server.url();
    }

    /** Waits until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops as SIGTERM stops the process: new requests are refused, the calls in flight finish within the grace
     * period and are answered, the sessions close, Jetty stops; then the audit log is written and the sandbox
     * stops.
     */
    @Override
    public void close() {
        try {
            server.close();
            core.close();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}

package dev.hook0mcp.server.http;

import dev.hook0mcp.server.ServerCore;
import dev.hook0mcp.server.TokenFingerprint;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.Transport;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over HTTP on embedded Jetty: Streamable HTTP at /mcp ({@code MCP_TRANSPORT=http}) or legacy HTTP+SSE at
 * /sse and /message ({@code MCP_TRANSPORT=sse}). With HOOK0_API_TOKEN every caller uses it (probed once at
 * start); without it each caller's own {@code Authorization: Bearer} token is forwarded and decides its tools.
 */
public final class HttpTransportServer implements AutoCloseable {

    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    static final int MAX_CACHED_TOKENS = 100;
    static final Duration IDLE_EVICTION = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(HttpTransportServer.class);

    private final Server jetty;
    private final EndpointCache<CallerEndpoint> endpoints;
    private final Transport transport;

    private HttpTransportServer(Server jetty, EndpointCache<CallerEndpoint> endpoints, Transport transport) {
        this.jetty = jetty;
        this.endpoints = endpoints;
        this.transport = transport;
    }

    public static HttpTransportServer start(ServerCore core) throws Exception {
        Config config = core.config();
        OwnedSchedulers.install();
        var security = OriginPolicy.validator(config);
        EndpointCache<CallerEndpoint> endpoints =
                new EndpointCache<>(MAX_CACHED_TOKENS, IDLE_EVICTION, Clock.systemUTC(), CallerEndpoint::close);
        EndpointFactory factory = new EndpointFactory(core, config.transport(), security, MAX_REQUEST_BYTES);
        if (config.hasToken()) {
            // One token for everyone: probe it now, so the first client does not wait and problems show at start.
            endpoints.get(TokenFingerprint.full(config.token()), key -> factory.create(config.token()));
        }
        McpFrontServlet front = new McpFrontServlet(config.transport(), security, MAX_REQUEST_BYTES,
                config.hasToken() ? config.token() : null, endpoints, factory);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("hook0-mcp-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("mcp", front);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.setStopTimeout(5_000);
        jetty.start();

        HttpTransportServer server = new HttpTransportServer(jetty, endpoints, config.transport());
        if (!OriginPolicy.isLoopback(config.host())) {
            log.warn("listening on {}, which is not a loopback address: anyone who can reach it can use the"
                    + " tools{}", config.host(), config.hasToken() ? " with the configured Hook0 token" : "");
        }
        log.info("MCP {} on {}", config.transport() == Transport.SSE ? "HTTP+SSE (legacy)" : "Streamable HTTP",
                server.url());
        return server;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The URL clients connect to, e.g. http://127.0.0.1:3000/mcp. */
    public String url() {
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port()
                + (transport == Transport.SSE ? EndpointFactory.SSE_PATH : EndpointFactory.MCP_PATH);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Closes every MCP session, then stops Jetty and its threads. */
    @Override
    public void close() {
        endpoints.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTP server: {}", e.toString());
        }
        log.info("HTTP server stopped");
    }
}

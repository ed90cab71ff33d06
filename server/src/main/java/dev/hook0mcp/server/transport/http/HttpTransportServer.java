package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.mcp.TokenSessions;
import dev.hook0mcp.server.token.TokenFingerprint;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.Transport;
import dev.hook0mcp.server.metrics.ServerMetrics;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over HTTP on embedded Jetty: Streamable HTTP at /mcp ({@code MCP_TRANSPORT=http}; without sessions with
 * {@code MCP_STATELESS=true}) or legacy HTTP+SSE at /sse and /message ({@code MCP_TRANSPORT=sse}), with
 * {@code /healthz}, {@code /readyz} and, when given metrics ({@code MCP_METRICS=true}), {@code /metrics} on the
 * same port. With HOOK0_API_TOKEN every caller uses it (probed once at
 * start); without it each caller's own {@code Authorization: Bearer} token is forwarded and decides its tools.
 */
public final class HttpTransportServer implements AutoCloseable {

    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** How long a connection may still stay idle once Jetty stops. */
    private static final long SHUTDOWN_IDLE_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(HttpTransportServer.class);

    private final Server jetty;
    private final EndpointCache<CallerEndpoint> endpoints;
    private final Transport transport;
    private final InFlight inFlight;
    private final HttpLimits limits;

    private HttpTransportServer(Server jetty, EndpointCache<CallerEndpoint> endpoints, Transport transport,
            InFlight inFlight, HttpLimits limits) {
        this.jetty = jetty;
        this.endpoints = endpoints;
        this.transport = transport;
        this.inFlight = inFlight;
        this.limits = limits;
    }

    public static HttpTransportServer start(Config config, TokenSessions tokens) throws Exception {
        return start(config, tokens, HttpLimits.defaults(config.shutdownGrace()), null, null);
    }

    /** @param metrics served at /metrics, with this server's cache sizes added; null: no /metrics */
    public static HttpTransportServer start(Config config, TokenSessions tokens, ServerMetrics metrics)
            throws Exception {
        return start(config, tokens, HttpLimits.defaults(config.shutdownGrace()), null, metrics);
    }

    /**
     * @param port    already bound to the configured host and port ({@link PortReservation}); Jetty takes it over
     * @param metrics served at /metrics, with this server's cache sizes added; null: no /metrics
     */
    public static HttpTransportServer start(Config config, TokenSessions tokens, ServerSocketChannel port,
            ServerMetrics metrics) throws Exception {
        return start(config, tokens, HttpLimits.defaults(config.shutdownGrace()), port, metrics);
    }

    static HttpTransportServer start(Config config, TokenSessions tokens, HttpLimits limits) throws Exception {
        return start(config, tokens, limits, null, null);
    }

    private static HttpTransportServer start(Config config, TokenSessions tokens, HttpLimits limits,
            ServerSocketChannel port, ServerMetrics metrics) throws Exception {
        OwnedSchedulers.install();
        var security = OriginPolicy.validator(config);
        Clock clock = Clock.systemUTC();
        SessionTable sessions = new SessionTable(limits.sessionsPerToken(), limits.sessionsTotal(),
                limits.sessionIdle().toMillis(), clock);
        EndpointCache<CallerEndpoint> endpoints = new EndpointCache<>(limits.maxCachedTokens(),
                limits.endpointIdle(), clock, CallerEndpoint::close, sessions::hasLive);
        EndpointFactory factory = new EndpointFactory(tokens, config.transport(), MAX_REQUEST_BYTES,
                limits.sessionIdle(), config.stateless());
        if (metrics != null) {
            metrics.gauge("hook0.mcp.cached.tokens", "Tokens with an endpoint (tool surface) cached on this server",
                    endpoints::size);
            metrics.gauge("hook0.mcp.sessions", "Open MCP sessions on this server (0 when stateless)", sessions::size);
        }
        if (config.hasToken()) {
            // One token for everyone: probe it now, so the first client does not wait and problems show at start.
            endpoints.get(TokenFingerprint.full(config.token()), key -> factory.create(config.token()));
        }
        InFlight inFlight = new InFlight();
        McpFrontServlet front = new McpFrontServlet(config.transport(), security, MAX_REQUEST_BYTES,
                config.hasToken() ? config.token() : null, endpoints, factory,
                new TokenGate(tokens.client(), limits.instanceKeyRefresh().toMillis(), clock),
                new NewEndpointRate(limits.newEndpointsPerAddress(), limits.newEndpointWindow().toMillis(), clock),
                sessions, inFlight, limits.bodyDeadline().toMillis(), config.stateless(),
                new HealthEndpoints(tokens.client(), clock), metrics, new ClientAddress(config.trustedProxies()));

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("hook0-mcp-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setIdleTimeout(limits.connectionIdle().toMillis());
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(limits.connectionIdle().toMillis());
        // Jetty stops only once the calls in flight are answered (close), so what is left are idle keep-alive
        // connections: close them at once instead of after Jetty's default 1 s (every stop waited 1 s for them).
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
        if (port != null) {
            connector.open(port);
        }
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        connector.addBean(new SlowClientGuard(connector.getScheduler(), limits.headDeadline(),
                limits.connectionsPerAddress(), config.trustedProxies()));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("mcp", front);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        JsonRpcErrorHandler errors = new JsonRpcErrorHandler(); // Jetty's own refusals and the servlet context's
        jetty.setErrorHandler(errors);
        context.setErrorHandler(errors);
        jetty.setStopTimeout(limits.shutdownGrace().toMillis());
        jetty.start();

        HttpTransportServer server = new HttpTransportServer(jetty, endpoints, config.transport(), inFlight, limits);
        if (!OriginPolicy.isLoopback(config.host())) {
            log.warn("listening on {}, which is not a loopback address: anyone who can reach it can use the"
                    + " tools{}", config.host(), config.hasToken() ? " with the configured Hook0 token" : "");
        }
        log.info("MCP {} on {}", config.transport() == Transport.SSE ? "HTTP+SSE (legacy)"
                : config.stateless() ? "Streamable HTTP (stateless)" : "Streamable HTTP", server.url());
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

    /**
     * Stops gracefully: new requests get 503, the calls in flight get the grace period to finish and be answered,
     * then every MCP session is closed and Jetty stops with its threads.
     */
    @Override
    public void close() {
        inFlight.close();
        log.info("stopping: new requests are refused; {} call(s) in flight get up to {} s to finish",
                inFlight.count(), limits.shutdownGrace().toSeconds());
        try {
            if (!inFlight.awaitIdle(limits.shutdownGrace().toMillis())) {
                log.warn("stopping with calls still running after {} s", limits.shutdownGrace().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoints.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTP server: {}", e.toString());
        }
        log.info("HTTP server stopped");
    }
}

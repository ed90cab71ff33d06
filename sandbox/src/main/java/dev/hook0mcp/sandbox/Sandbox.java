package dev.hook0mcp.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.hook0mcp.sandbox.api.Access;
import dev.hook0mcp.sandbox.api.ApplicationHandlers;
import dev.hook0mcp.sandbox.api.EventHandlers;
import dev.hook0mcp.sandbox.api.EventTypeHandlers;
import dev.hook0mcp.sandbox.api.EventsPerDayHandlers;
import dev.hook0mcp.sandbox.api.OrganizationHandlers;
import dev.hook0mcp.sandbox.api.PublicHandlers;
import dev.hook0mcp.sandbox.api.RequestAttemptHandlers;
import dev.hook0mcp.sandbox.api.SubscriptionHandlers;
import dev.hook0mcp.sandbox.auth.BearerAuthenticator;
import dev.hook0mcp.sandbox.auth.Hook0Authorizer;
import dev.hook0mcp.sandbox.auth.RootTokenRegistry;
import dev.hook0mcp.sandbox.auth.TokenMinter;
import dev.hook0mcp.sandbox.http.FrontDoor;
import dev.hook0mcp.sandbox.http.Router;
import dev.hook0mcp.sandbox.store.DeliverySimulator;
import dev.hook0mcp.sandbox.store.SandboxClock;
import dev.hook0mcp.sandbox.store.SandboxStore;
import dev.hook0mcp.sandbox.store.SeedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory Hook0-compatible API on 127.0.0.1, with a real Ed25519 Biscuit root key, Hook0's
 * authorizer and status codes, and seeded demo data. For tests and demos; not a production Hook0.
 * <pre>
 * try (Sandbox sandbox = Sandbox.start(0)) {
 *     String url = sandbox.baseUrl();          // http://127.0.0.1:PORT
 *     String token = sandbox.rootToken();
 * }
 * </pre>
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final String API_PREFIX = "/api/v1";
    /** Hook0 allows 30 ms; a generous budget keeps a cold JVM from answering 503. */
    private static final Duration AUTHORIZATION_BUDGET = Duration.ofSeconds(2);

    static {
        // The JDK server writes headers and body separately; with Nagle on, a client's delayed ACK adds
        // ~40 ms to every exchange. Read once, when the JDK's ServerConfig class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final SandboxStore store;
    private final SeedData.Seeded seeded;
    private final TokenMinter minter;
    private final SandboxTokens tokens;
    private final RequestLog requestLog;
    private final String rootToken;

    private Sandbox(HttpServer server, ExecutorService executor, String baseUrl, SandboxStore store,
                    SeedData.Seeded seeded, TokenMinter minter, SandboxTokens tokens, RequestLog requestLog) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.store = store;
        this.seeded = seeded;
        this.minter = minter;
        this.tokens = tokens;
        this.requestLog = requestLog;
        this.rootToken = tokens.mintRoot();
    }

    /** Starts a seeded sandbox on 127.0.0.1; {@code port} 0 picks a free port. */
    public static Sandbox start(int port) {
        return start(port, Clock.systemUTC());
    }

    /**
     * As {@link #start(int)}, with {@code time} as the sandbox's clock: the {@code time} fact every authorization
     * checks token expiries against, and the instants of what it records (a test moves its clock past a token's
     * expiry instead of waiting for it).
     */
    public static Sandbox start(int port, Clock time) {
        SandboxClock clock = new SandboxClock(time);
        SandboxStore store = new SandboxStore(clock, new DeliverySimulator());
        SeedData.Seeded seeded = SeedData.populate(store, clock.next());
        RootTokenRegistry registry = new RootTokenRegistry();
        TokenMinter minter = new TokenMinter(new KeyPair(), registry);
        RequestLog requestLog = new RequestLog();

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the sandbox to 127.0.0.1:" + port, e);
        }
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

        Access access = new Access(new Hook0Authorizer(AUTHORIZATION_BUDGET, clock::nowSeconds), store);
        Router router = new Router();
        new PublicHandlers(minter.publicKeyHex()).register(router);
        new OrganizationHandlers(store, access).register(router);
        new ApplicationHandlers(store, access).register(router);
        new EventTypeHandlers(store, access).register(router);
        new SubscriptionHandlers(store, access).register(router);
        new EventHandlers(store, access).register(router);
        new RequestAttemptHandlers(store, access, baseUrl).register(router);
        new EventsPerDayHandlers(store, access).register(router);

        FrontDoor frontDoor = new FrontDoor(API_PREFIX, router, new BearerAuthenticator(minter.publicKey(), registry),
                (method, path, query, headers, body, status) -> requestLog.record(new RecordedRequest(method, path,
                        query, headers, new String(body, StandardCharsets.UTF_8), status)));
        server.createContext("/", frontDoor);
        ExecutorService executor = Executors.newFixedThreadPool(16, daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.info("Hook0 sandbox listening on {}", baseUrl);
        return new Sandbox(server, executor, baseUrl, store, seeded, minter,
                new SandboxTokens(minter, seeded.organizationId(), clock), requestLog);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hook0-sandbox-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash; the API is under {@code /api/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A live root service token of the seeded organization, minted at start. */
    public String rootToken() {
        return rootToken;
    }

    public UUID organizationId() {
        return seeded.organizationId();
    }

    /** The busy application: more than 120 events and 60 request attempts. */
    public UUID applicationId() {
        return seeded.busyApplicationId();
    }

    public UUID secondApplicationId() {
        return seeded.secondApplicationId();
    }

    /** The Biscuit root public key, 64 lowercase hex digits, as {@code GET /api/v1/instance} shows it. */
    public String publicKeyHex() {
        return minter.publicKeyHex();
    }

    public SandboxTokens tokens() {
        return tokens;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** SHA-256 (hex) over the whole data state, not the request log nor the token registry. */
    public String stateDigest() {
        return store.digest();
    }

    public SandboxStore store() {
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Hook0 sandbox on {} stopped", baseUrl);
    }

    @Override
    public String toString() {
        return "Sandbox[" + baseUrl + "]";
    }
}

package dev.hook0mcp.server.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A Hook0 double in front of the sandbox: every request is forwarded to it, after the delay {@code delayFor}
 * gives that request (zero: at once). It counts the requests being held, so a test can tell how many a server
 * sent at the same time.
 */
final class DelayingHook0 implements AutoCloseable {

    /** What the double sees of one request. */
    record Seen(String method, String path, String authorization) {}

    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept", "User-Agent");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "delaying-hook0");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final Function<Seen, Duration> delayFor;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch firstHeld = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    DelayingHook0(String sandboxUrl, Function<Seen, Duration> delayFor) throws IOException {
        this.target = sandboxUrl;
        this.delayFor = delayFor;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until a request is being held back (a call is then in flight at Hook0). */
    boolean awaitHeldRequest(Duration timeout) throws InterruptedException {
        return firstHeld.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Holds {@code path} for {@code delay} once {@code armed} is true; forwards everything else at once. */
    static Function<Seen, Duration> holding(String path, Duration delay, java.util.concurrent.atomic.AtomicBoolean armed) {
        return seen -> armed.get() && seen.path().equals(path) ? delay : Duration.ZERO;
    }

    /** The most requests held back at the same time so far. */
    int mostHeld() {
        return mostHeld.get();
    }

    /** How many requests are being held back now. */
    int held() {
        return held.get();
    }

    /**
     * Ends every hold now and holds nothing from now on: a test holds requests "until it says so" (a long delay,
     * then this), so what it checks while they are held does not depend on how fast the machine is.
     */
    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Seen seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            Duration delay = delayFor.apply(seen);
            if (!delay.isZero() && released.getCount() > 0) {
                mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                firstHeld.countDown();
                try {
                    released.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } finally {
                    held.decrementAndGet();
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(seen.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : REQUEST_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!List.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

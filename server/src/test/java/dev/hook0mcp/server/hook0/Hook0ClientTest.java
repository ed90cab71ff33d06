package dev.hook0mcp.server.hook0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hook0 client against a scripted local HTTP server: headers, retries, Retry-After, plain failure messages. */
class Hook0ClientTest {

    private record Scripted(int status, Map<String, String> headers, String body, long delayMs) {}

    private record Seen(String method, String authorization, String contentType, String userAgent, String body) {}

    private HttpServer http;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private Hook0Client client;
    /** Ends every scripted delay (a held answer), so stopping the server does not wait for one. */
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("User-Agent"), new String(in, StandardCharsets.UTF_8)));
            Scripted next;
            synchronized (script) {
                next = script.isEmpty() ? new Scripted(200, Map.of(), "{}", 0) : script.poll();
            }
            try {
                released.await(next.delayMs(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = next.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(next.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        http.start();
        // Generous: the machine running the tests may be busy; only the timeout test below needs a short one.
        client = new Hook0Client(baseUrl(), Duration.ofSeconds(10));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        released.countDown();
        http.stop(0);
    }

    private void answer(int status, Map<String, String> headers, String body) {
        script.add(new Scripted(status, headers, body, 0));
    }

    private static Hook0Request get() {
        return Hook0Request.get(List.of("api", "v1", "events"), List.of(Map.entry("application_id", "a")));
    }

    private static Hook0Request post() {
        return new Hook0Request("POST", List.of("api", "v1", "event"), List.of(), new ObjectMapper().createObjectNode().put("a", 1));
    }

    @Test
    void sendsTheTokenTrimmedAJsonBodyOnlyWhenThereIsOneAndItsName() throws Exception {
        client.send(get(), "  tok-123 \n");
        client.send(post(), "tok-123");
        assertEquals("Bearer tok-123", seen.get(0).authorization());
        assertNull(seen.get(0).contentType(), "no Content-Type without a body");
        assertTrue(seen.get(0).userAgent().startsWith("hook0-mcp/"));
        assertTrue(seen.get(1).contentType().startsWith("application/json"));
        assertEquals("{\"a\":1}", seen.get(1).body());
    }

    @Test
    void idempotentRequestsAreRetriedHonouringRetryAfter() throws Exception {
        answer(503, Map.of("Retry-After", "0"), "{\"id\":\"ServiceUnavailable\"}");
        answer(429, Map.of("Retry-After", "0"), "{\"id\":\"RateLimited\",\"title\":\"x\"}");
        answer(200, Map.of(), "[]");
        Hook0Response response = client.send(get(), "t");
        assertEquals(200, response.status());
        assertEquals(3, seen.size());
    }

    @Test
    void theJournalNotesEveryRequestOnTheWireRetriesIncludedAndOneThatGotNoAnswer() throws Exception {
        answer(503, Map.of("Retry-After", "0"), "{\"id\":\"ServiceUnavailable\"}");
        answer(200, Map.of(), "[]");
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Hook0Journal journal = (request, status, millis) -> {
            assertEquals("GET /api/v1/events", request.describe());
            assertTrue(millis >= 0);
            statuses.add(status);
        };
        client.send(get(), "t", Deadline.NONE, journal);
        assertEquals(List.of(503, 200), statuses);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Hook0Client refused = new Hook0Client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1));
        List<Integer> failed = new CopyOnWriteArrayList<>();
        assertThrows(Hook0TransportException.class, () -> refused.send(post(), "t", Deadline.NONE,
                (request, status, millis) -> failed.add(status == null ? -1 : status)));
        assertEquals(List.of(-1), failed, "a request without an answer is noted with no status");
    }

    @Test
    void aRefusedConnectionIsRetriedOnlyOnceHook0HasAnswered() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // never answered: a wrong HOOK0_API_URL or a Hook0 that is not running is said at once
        Hook0Client neverUp = new Hook0Client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        assertThrows(Hook0TransportException.class, () -> neverUp.send(get(), "t", Deadline.NONE,
                (request, status, millis) -> attempts.add(status == null ? -1 : status)));
        assertEquals(List.of(-1), attempts);

        // answered, then gone (a restart): the refused GET is tried again, as a 503 would be
        answer(200, Map.of("Connection", "close"), "{}"); // no pooled connection left to fail differently
        assertEquals(200, client.send(get(), "t").status());
        http.stop(0);
        attempts.clear();
        // a 1 s deadline leaves room for the first retry (after 200 ms) only, so the test waits no longer
        assertThrows(Hook0TransportException.class, () -> client.send(get(), "t", Deadline.after(Duration.ofSeconds(1)),
                (request, status, millis) -> attempts.add(status == null ? -1 : status)));
        assertEquals(List.of(-1, -1), attempts, "tried, then tried again");
    }

    @Test
    void postsAreNeverRetried() throws Exception {
        answer(503, Map.of("Retry-After", "0"), "{\"id\":\"ServiceUnavailable\"}");
        assertEquals(503, client.send(post(), "t").status());
        assertEquals(1, seen.size());
    }

    @Test
    void aQuotaIsNotRetriedButReported() throws Exception {
        answer(429, Map.of(), "{\"id\":\"TooManyEventsToday\",\"title\":\"quota\"}");
        Hook0Response response = client.send(get(), "t");
        assertEquals(429, response.status());
        assertEquals("TooManyEventsToday", response.problem().orElseThrow().id());
        assertEquals(1, seen.size());
    }

    @Test
    void aLongRetryAfterIsPassedOnInsteadOfWaited() throws Exception {
        answer(503, Map.of("Retry-After", "120"), "{\"id\":\"ServiceUnavailable\"}");
        Hook0Response response = client.send(get(), "t");
        assertEquals(503, response.status());
        assertEquals(120L, response.retryAfterSeconds().orElseThrow());
        assertEquals(1, seen.size());
    }

    @Test
    void timeoutsAndRefusedConnectionsSaySoPlainly() throws Exception {
        script.add(new Scripted(200, Map.of(), "{}", 60_000)); // answered only once the test is over
        Hook0Client impatient = new Hook0Client(baseUrl(), Duration.ofMillis(250));
        var timeout = assertThrows(Hook0TransportException.class, () -> impatient.send(post(), "t"));
        assertTrue(timeout.getMessage().contains("timed out after 0.25 s (raise HOOK0_TIMEOUT_SECONDS"),
                timeout.getMessage());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Hook0Client nowhere = new Hook0Client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1));
        var refused = assertThrows(Hook0TransportException.class, () -> nowhere.send(post(), "secret-token"));
        assertTrue(refused.getMessage().contains("could not connect to Hook0"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("secret-token"), "never the token");
    }

    @Test
    void aLargeAnswerWaitsForItsTurnAndSaysSoWhenTheWaitRunsOut() throws Exception {
        String large = "[" + "\"x\",".repeat((int) (LargeAnswers.LARGE_BYTES / 4)) + "\"x\"]";
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (LargeAnswers.Call call = LargeAnswers.begin()) {
                LargeAnswers.awaitTurn(1_000);
                taken.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        assertTrue(taken.await(5, java.util.concurrent.TimeUnit.SECONDS));
        Hook0Client client = new Hook0Client(baseUrl(), Duration.ofMillis(1_500));
        try (LargeAnswers.Call call = LargeAnswers.begin()) {
            answer(200, Map.of(), "[]");
            assertEquals("[]", client.send(get(), "t").body(), "a small answer does not wait");
            answer(200, Map.of(), large);
            var waited = assertThrows(Hook0TransportException.class, () -> client.send(get(), "t"));
            assertTrue(waited.getMessage().contains("Hook0's answer is large (over 1 MiB), and large answers are"
                    + " handled one at a time"), waited.getMessage());
            assertTrue(waited.getMessage().matches(".*took all of the 0\\.\\d s this call could wait.*"),
                    waited.getMessage());
            assertTrue(waited.getMessage().contains("ask for less"), waited.getMessage());
            done.countDown();
            other.join(5_000);
            answer(200, Map.of(), large);
            assertEquals(large.length(), client.send(get(), "t").body().length(), "its turn once the other ended");
        } finally {
            done.countDown();
        }
    }

    @Test
    void aPastedBearerPrefixIsSentOnceNeverTwice() throws Exception {
        client.send(get(), "Bearer tok-123");
        client.send(get(), "  bearer   tok-123 ");
        client.send(get(), "BEARER tok-123");
        assertEquals(List.of("Bearer tok-123", "Bearer tok-123", "Bearer tok-123"),
                seen.stream().map(Seen::authorization).toList());
        assertEquals("Bearertok", Hook0Client.bearer("Bearertok"), "only the prefix with its space is dropped");
    }

    @Test
    void a503WithRetryAfterZeroGoesOutAtMostThreeTimesForAGetAndOnceForAPost() throws Exception {
        for (int i = 0; i < 8; i++) {
            answer(503, Map.of("Retry-After", "0"), "{\"id\":\"ServiceUnavailable\"}");
        }
        Hook0Response response = client.send(get(), "t");
        assertEquals(503, response.status());
        assertEquals(1 + Hook0Client.MAX_RETRIES, seen.size(), "OkHttp re-sends nothing on its own");
        assertEquals(0L, response.retryAfterSeconds().orElseThrow(), "Retry-After is still visible to the caller");
        assertTrue(response.notRetried().contains("after 2 retries"), response.notRetried());

        seen.clear();
        assertEquals(503, client.send(post(), "t").status());
        assertEquals(1, seen.size());
    }

    @Test
    void aRetryWhoseWaitDoesNotFitTheDeadlineIsNotAttempted() throws Exception {
        answer(503, Map.of("Retry-After", "3"), "{\"id\":\"ServiceUnavailable\"}");
        long started = System.nanoTime();
        Hook0Response response = client.send(get(), "t", Deadline.after(Duration.ofSeconds(2)));
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "did not wait the 3 s");
        assertEquals(503, response.status());
        assertEquals(1, seen.size());
        assertTrue(response.notRetried().contains("deadline of 2 s"), response.notRetried());
    }

    @Test
    void anExpiredDeadlineSendsNothing() {
        Deadline spent = Deadline.after(Duration.ZERO);
        var e = assertThrows(Hook0TransportException.class, () -> client.send(post(), "t", spent));
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(!e.mayHaveArrived());
        assertEquals(0, seen.size());
    }
}

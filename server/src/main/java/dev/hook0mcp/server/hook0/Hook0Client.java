package dev.hook0mcp.server.hook0;

import dev.hook0mcp.server.config.Version;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the Hook0 API with a caller's token: {@code Authorization: Bearer <token>} (trimmed, a pasted
 * "Bearer " prefix dropped), {@code Accept: application/json}, {@code Content-Type} only with a body, and a
 * User-Agent naming this server.
 *
 * <p>This is the only place that retries: one logical attempt is one request on the wire (OkHttp's own silent
 * re-sends are switched off), and only idempotent requests are retried, at most {@link #MAX_RETRIES} times, on a
 * refused connection (once Hook0 has answered this client before: a restart, not a wrong HOOK0_API_URL or a Hook0
 * that is not running, which is said at once), 429 RateLimited, 502, 503 or 504, with backoff that honours
 * Retry-After. Every request and
 * every wait fits in the caller's {@link Deadline}; a retry that would not fit is not attempted. Bodies are read
 * up to {@link #MAX_RESPONSE_BYTES}. The token never appears in a log line or an exception message.
 */
public final class Hook0Client {

    /** Largest Hook0 answer read (8 MiB); Hook0's pages are far smaller, so more means something is wrong. */
    public static final long MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
    static final int MAX_RETRIES = 2;
    private static final long MAX_RETRY_WAIT_MS = 10_000;
    /** Where the network interceptor keeps a 503's Retry-After, out of OkHttp's sight (see noSilentResend). */
    private static final String HIDDEN_RETRY_AFTER = "X-Hook0-Mcp-Retry-After";

    private static final Logger log = LoggerFactory.getLogger(Hook0Client.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final String apiUrl;
    private final OkHttpClient http;
    private final Duration timeout;
    private volatile Observer observer = Observer.NONE;
    /** Whether any request of this client got an answer: only then is a refused connection worth retrying. */
    private volatile boolean answeredBefore;

    /** Told of every request on the wire (each retry too): for metrics. Never sees the token. */
    public interface Observer {
        Observer NONE = (method, status, nanos) -> { };

        /** @param status the HTTP status, or 0 when no answer came (refused, timed out, cut off) */
        void answered(String method, int status, long nanos);
    }

    /** Replaces the observer (one per client). */
    public void observe(Observer observer) {
        this.observer = observer == null ? Observer.NONE : observer;
    }

    public Hook0Client(String apiUrl, Duration timeout) {
        this.apiUrl = apiUrl;
        this.base = HttpUrl.get(apiUrl + "/");
        this.timeout = timeout;
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (!base.isHttps()) {
            // Plain HTTP only (the one host never changes, redirects are not followed): OkHttp then skips loading
            // the JDK trust store and TLS set-up, a large part of start-up against a local or sandbox Hook0.
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.http = builder
                .connectTimeout(Math.min(timeout.toMillis(), 10_000), TimeUnit.MILLISECONDS)
                // One bound for the whole request (the call timeout, set per call below) instead of a read and a
                // write timeout per socket operation: with those, every read of an answer is a non-blocking read
                // that finds nothing yet, then a poll, then the read again, and each socket operation is queued
                // with Okio's watchdog; a call timeout cancels a blocked read just the same.
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .addNetworkInterceptor(Hook0Client::noSilentResend)
                .build();
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** The URL a request goes to (for messages; carries no secret). */
    public HttpUrl url(Hook0Request request) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : request.pathSegments()) {
            url.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : request.query()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        return url.build();
    }

    /** Sends with no deadline of its own beyond the per-request timeout. */
    public Hook0Response send(Hook0Request request, String token) throws Hook0TransportException {
        return send(request, token, Deadline.NONE);
    }

    public Hook0Response send(Hook0Request request, String token, Deadline deadline) throws Hook0TransportException {
        return send(request, token, deadline, Hook0Journal.NONE);
    }

    /** Sends, noting each request put on the wire (every attempt) in {@code journal}. */
    public Hook0Response send(Hook0Request request, String token, Deadline deadline, Hook0Journal journal)
            throws Hook0TransportException {
        Request.Builder builder = new Request.Builder()
                .url(url(request))
                .header("Accept", "application/json")
                .header("User-Agent", Version.userAgent());
        String bearer = bearer(token);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body().toString(), JSON);
        builder.method(request.method(), body);
        Request httpRequest = builder.build();

        int attempt = 0;
        while (true) {
            if (deadline.expired()) {
                throw new Hook0TransportException(describeDeadline(deadline) + " ran out before " + request.describe()
                        + " was sent; nothing was sent", null, false);
            }
            Hook0Response response;
            long started = System.nanoTime();
            try {
                response = execute(httpRequest, request, deadline);
                journal.sent(request, response.status(), elapsedMillis(started));
            } catch (IOException e) {
                journal.sent(request, null, elapsedMillis(started));
                if (request.idempotent() && attempt < MAX_RETRIES && e instanceof ConnectException && answeredBefore
                        && fits(backoff(attempt, null), deadline)) {
                    sleep(backoff(attempt, null));
                    attempt++;
                    continue;
                }
                throw describe(request, e, deadline);
            }
            if (request.idempotent() && retryable(response)) {
                long wait = backoff(attempt, response.retryAfterSeconds().orElse(null));
                String notRetried = attempt >= MAX_RETRIES ? "still " + response.status() + " after " + MAX_RETRIES
                        + " retries"
                        : wait > MAX_RETRY_WAIT_MS ? "Hook0 asked to wait " + wait / 1000 + " s"
                        : !fits(wait, deadline) ? "Hook0 asked to wait " + wait / 1000 + " s, more than what is left of "
                                + describeDeadline(deadline)
                        : null;
                if (notRetried == null) {
                    log.debug("{} answered {}, retrying in {} ms", request.describe(), response.status(), wait);
                    sleep(wait);
                    attempt++;
                    continue;
                }
                response = response.withNotRetried(notRetried);
            }
            log.debug("{} -> {}", request.describe(), response.status());
            return response;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The token as sent after "Bearer ": trimmed, and a pasted "Bearer " prefix removed once. */
    static String bearer(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String t = token.strip();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).strip();
        }
        return t.isEmpty() ? null : t;
    }

    /**
     * OkHttp re-sends any request on its own when a 503 carries {@code Retry-After: 0}. One attempt must be one
     * request on the wire (the retry policy is ours, above), so a 503's Retry-After is hidden from OkHttp here and
     * restored when the answer is read.
     */
    private static Response noSilentResend(okhttp3.Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null) {
            return response.newBuilder().removeHeader("Retry-After").header(HIDDEN_RETRY_AFTER, retryAfter).build();
        }
        return response;
    }

    private Hook0Response execute(Request httpRequest, Hook0Request request, Deadline deadline) throws IOException {
        long started = System.nanoTime();
        int status = 0;
        try {
            Hook0Response response = executeOnce(httpRequest, request, deadline);
            answeredBefore = true;
            status = response.status();
            return response;
        } finally {
            observer.answered(request.method(), status, System.nanoTime() - started);
        }
    }

    private Hook0Response executeOnce(Request httpRequest, Hook0Request request, Deadline deadline) throws IOException {
        Call call = http.newCall(httpRequest);
        long callTimeout = Math.min(timeout.toMillis(), deadline.remainingMillis());
        call.timeout().timeout(Math.max(1, callTimeout), TimeUnit.MILLISECONDS);
        long endsAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(callTimeout);
        try (Response response = call.execute()) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : response.headers().names()) {
                String lower = name.toLowerCase(Locale.ROOT);
                headers.put(lower.equals(HIDDEN_RETRY_AFTER.toLowerCase(Locale.ROOT)) ? "retry-after" : lower,
                        response.headers(name));
            }
            return new Hook0Response(response.code(), headers,
                    bodyText(response.body(), response.header("Content-Type"), request, response.code(), endsAtNanos));
        }
    }

    /**
     * Reads at most {@link #MAX_RESPONSE_BYTES}: a bigger answer is refused, never held in memory. A large answer
     * waits for its tool call's turn ({@link LargeAnswers}) before more than its first mebibyte is read.
     */
    private String bodyText(ResponseBody body, String contentType, Hook0Request request, int status,
            long endsAtNanos) throws IOException {
        if (body == null) {
            return "";
        }
        long declared = body.contentLength();
        if (declared > MAX_RESPONSE_BYTES) {
            throw new UnreadAnswerException(tooLarge(request, status));
        }
        BufferedSource source = body.source();
        if (declared >= LargeAnswers.LARGE_BYTES || (declared < 0 && source.request(LargeAnswers.LARGE_BYTES))) {
            awaitTurn(request, endsAtNanos);
        }
        if (source.request(MAX_RESPONSE_BYTES + 1)) {
            throw new UnreadAnswerException(tooLarge(request, status));
        }
        return source.getBuffer().readString(charset(contentType));
    }

    /** Waits for the turn, leaving a tenth of what is left of the request's time (at least 1 s) to read the rest. */
    private void awaitTurn(Hook0Request request, long endsAtNanos) throws IOException {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(endsAtNanos - System.nanoTime());
        long waitMillis = Math.max(0, leftMillis - Math.max(1_000, leftMillis / 10));
        try {
            if (!LargeAnswers.awaitTurn(waitMillis)) {
                throw new UnreadAnswerException(request.describe() + " at " + apiUrl + ": Hook0's answer is large"
                        + " (over " + LargeAnswers.LARGE_BYTES / (1024 * 1024) + " MiB), and large answers are handled"
                        + " one at a time so that they fit in memory; other calls' large answers took all of the "
                        + java.math.BigDecimal.valueOf(Math.max(1, Math.round(waitMillis / 100.0)), 1)
                        .stripTrailingZeros().toPlainString() + " s this call could wait, so nothing of it was used. Call"
                        + " again once they are answered, or ask for less (a smaller limit or date range)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to read a large answer");
        }
    }

    /** UTF-8 (JSON's) unless the Content-Type names a charset; OkHttp's parse of the header is skipped otherwise. */
    private static Charset charset(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset")) {
            return StandardCharsets.UTF_8;
        }
        MediaType type = MediaType.parse(contentType);
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }

    private String tooLarge(Hook0Request request, int status) {
        return "Hook0 answered more than " + MAX_RESPONSE_BYTES + " bytes (" + MAX_RESPONSE_BYTES / (1024 * 1024)
                + " MiB) with status " + status + " to " + request.describe() + " at " + apiUrl
                + "; the rest was not read. Ask for less (a smaller limit or date range), or check HOOK0_API_URL";
    }

    /** An answer above the size cap, or one that could not get its turn; its message is complete as it is. */
    private static final class UnreadAnswerException extends IOException {
        UnreadAnswerException(String message) {
            super(message);
        }
    }

    private static boolean retryable(Hook0Response response) {
        if (response.status() == 502 || response.status() == 503 || response.status() == 504) {
            return true;
        }
        // A quota (TooManyEventsToday, ...) will not go away by retrying; only the rate limiter's 429 does.
        return response.status() == 429
                && response.problem().map(p -> "RateLimited".equals(p.id())).orElse(true);
    }

    /** A wait fits when a request still has some time after it (at least a second, or half the budget left). */
    private static boolean fits(long waitMillis, Deadline deadline) {
        long remaining = deadline.remainingMillis();
        return remaining == Long.MAX_VALUE || waitMillis + Math.min(1_000, remaining / 2) < remaining;
    }

    private static long backoff(int attempt, Long retryAfterSeconds) {
        if (retryAfterSeconds != null) {
            return retryAfterSeconds * 1000;
        }
        return 200L * (1L << attempt);
    }

    private static void sleep(long millis) throws Hook0TransportException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Hook0TransportException("interrupted while waiting to retry", e);
        }
    }

    /** "30", or "0.2" for a timeout below a second (a test's). */
    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static String describeDeadline(Deadline deadline) {
        return deadline.describe();
    }

    private Hook0TransportException describe(Hook0Request request, IOException e, Deadline deadline) {
        String where = request.describe() + " at " + apiUrl;
        if (e instanceof UnreadAnswerException) {
            return new Hook0TransportException(e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new Hook0TransportException("could not resolve the Hook0 host in " + apiUrl
                    + " (check HOOK0_API_URL and the network)", e, false);
        }
        if (e instanceof ConnectException) {
            return new Hook0TransportException("could not connect to Hook0 at " + apiUrl + " (" + e.getMessage()
                    + "); check HOOK0_API_URL and that Hook0 is running", e, false);
        }
        String message;
        if ((e instanceof SocketTimeoutException || e instanceof InterruptedIOException) && deadline.bounded()
                && deadline.remainingMillis() < 100) {
            message = where + " did not finish within " + describeDeadline(deadline)
                    + "; raise it if Hook0 is this slow";
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            message = where + " timed out after " + seconds(timeout)
                    + " s (raise HOOK0_TIMEOUT_SECONDS if Hook0 is slow)";
        } else {
            message = where + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (the connection broke before a complete answer was read; check HOOK0_API_URL and the network)";
        }
        return new Hook0TransportException(message, e);
    }
}

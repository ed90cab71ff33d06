package dev.hook0mcp.server.hook0;

import dev.hook0mcp.server.Version;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the Hook0 API with a caller's token: {@code Authorization: Bearer <token>} exactly as given
 * (trimmed), {@code Accept: application/json}, {@code Content-Type} only with a body, and a User-Agent naming this
 * server. Only idempotent requests are retried (connection failures, 429 rate limiting, 502/503/504), with backoff
 * that honours Retry-After. The token never appears in a log line or an exception message.
 */
public final class Hook0Client {

    private static final Logger log = LoggerFactory.getLogger(Hook0Client.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_RETRIES = 2;
    private static final long MAX_RETRY_WAIT_MS = 10_000;

    private final HttpUrl base;
    private final String apiUrl;
    private final OkHttpClient http;
    private final Duration timeout;

    public Hook0Client(String apiUrl, Duration timeout) {
        this.apiUrl = apiUrl;
        this.base = HttpUrl.get(apiUrl + "/");
        this.timeout = timeout;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Math.min(timeout.toMillis(), 10_000), TimeUnit.MILLISECONDS)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.plusSeconds(1))
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

    public Hook0Response send(Hook0Request request, String token) throws Hook0TransportException {
        Request.Builder builder = new Request.Builder()
                .url(url(request))
                .header("Accept", "application/json")
                .header("User-Agent", Version.userAgent());
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token.strip());
        }
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body().toString(), JSON);
        builder.method(request.method(), body);
        Request httpRequest = builder.build();

        int attempt = 0;
        while (true) {
            Hook0Response response;
            try {
                response = execute(httpRequest);
            } catch (IOException e) {
                if (request.idempotent() && attempt < MAX_RETRIES && e instanceof ConnectException) {
                    sleep(backoff(attempt, null));
                    attempt++;
                    continue;
                }
                throw describe(request, e);
            }
            if (request.idempotent() && attempt < MAX_RETRIES && retryable(response)) {
                long wait = backoff(attempt, response.retryAfterSeconds().orElse(null));
                if (wait <= MAX_RETRY_WAIT_MS) {
                    log.debug("{} answered {}, retrying in {} ms", request.describe(), response.status(), wait);
                    sleep(wait);
                    attempt++;
                    continue;
                }
            }
            log.debug("{} -> {}", request.describe(), response.status());
            return response;
        }
    }

    /**
     * OkHttp re-sends any request, POST included, on a 503 carrying {@code Retry-After: 0}. A non-idempotent
     * request must reach Hook0 at most once, so such an answer is handed up with {@code Retry-After: 1}.
     */
    private static Response noSilentResend(okhttp3.Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!Hook0Request.isIdempotent(chain.request().method()) && response.code() == 503 && "0".equals(response.header("Retry-After"))) {
            return response.newBuilder().header("Retry-After", "1").build();
        }
        return response;
    }

    private Hook0Response execute(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
            }
            ResponseBody body = response.body();
            return new Hook0Response(response.code(), headers, body == null ? "" : body.string());
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

    private Hook0TransportException describe(Hook0Request request, IOException e) {
        String where = request.describe() + " at " + apiUrl;
        String message;
        if (e instanceof UnknownHostException) {
            message = "could not resolve the Hook0 host in " + apiUrl + " (check HOOK0_API_URL and the network)";
        } else if (e instanceof ConnectException) {
            message = "could not connect to Hook0 at " + apiUrl + " (" + e.getMessage()
                    + "); check HOOK0_API_URL and that Hook0 is running";
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            message = where + " timed out after " + timeout.toSeconds()
                    + " s (raise HOOK0_TIMEOUT_SECONDS if Hook0 is slow)";
        } else {
            message = where + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new Hook0TransportException(message, e);
    }
}

package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.hook0.Deadline;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /healthz}: the process serves HTTP (a load balancer's check). {@code GET /readyz}: Hook0 answered
 * {@code GET /api/v1/instance} within {@link #READY_WITHIN} (an orchestrator's readiness). No authentication and
 * no data: a fixed status word, never a URL, token or count. A readiness answer is reused for
 * {@link #REUSE_MILLIS}, so frequent checks cost Hook0 at most one request a second.
 */
final class HealthEndpoints {

    static final String HEALTH_PATH = "/healthz";
    static final String READY_PATH = "/readyz";
    static final Duration READY_WITHIN = Duration.ofSeconds(2);
    static final long REUSE_MILLIS = 1_000;

    private final Hook0Client client;
    private final Clock clock;
    private boolean ready;
    private long checkedAtMillis = Long.MIN_VALUE;

    HealthEndpoints(Hook0Client client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    static boolean handles(String path) {
        return HEALTH_PATH.equals(path) || READY_PATH.equals(path);
    }

    void serve(String method, String path, HttpServletResponse response) throws IOException {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            JsonRpcErrors.send(response, 405, JsonRpcErrors.INVALID_REQUEST, "Method Not Allowed: " + path + " takes GET");
            return;
        }
        if (HEALTH_PATH.equals(path)) {
            write(response, 200, "ok");
            return;
        }
        boolean up = hook0Ready();
        write(response, up ? 200 : 503, up ? "ready"
                : "unready: Hook0 did not answer with success within " + READY_WITHIN.toSeconds() + " s");
    }

    private synchronized boolean hook0Ready() {
        long now = clock.millis();
        if (checkedAtMillis != Long.MIN_VALUE && now - checkedAtMillis < REUSE_MILLIS) {
            return ready;
        }
        try {
            Hook0Response r = client.send(Hook0Request.get(List.of("api", "v1", "instance"), List.of()), null,
                    Deadline.after(READY_WITHIN));
            ready = r.isSuccess();
        } catch (Hook0TransportException e) {
            ready = false;
        }
        checkedAtMillis = clock.millis();
        return ready;
    }

    private static void write(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = ("{\"status\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

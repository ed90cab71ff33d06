package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hook0mcp.sandbox.Sandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow request bodies (a byte now and then, keeping the connection alive) hold no thread: a legitimate caller is
 * served meanwhile, and each slow request is answered 408 once its body deadline has passed.
 */
class SlowBodyIT {

    private static final int SLOW_SOCKETS = 60;
    /** The body deadline of this server (HttpLimits.BODY_DEADLINE, 20 s, in production). */
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(1);
    /** Each slow request sends a byte this often: the connection is never idle, only its body is late. */
    private static final Duration TRICKLE = Duration.ofMillis(100);

    @Test
    void slowBodiesAreCutOffAndDoNotStallOthers() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
             HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null,
                     HttpCallers.limits(100, 100, 32, BODY_DEADLINE))) {
            String session = HttpCallers.initialize(server, sandbox.rootToken()); // the token's endpoint exists
            int port = server.port();
            List<RawHttp> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_SOCKETS; i++) {
                RawHttp s = new RawHttp("127.0.0.1", port);
                s.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                        + sandbox.rootToken() + "\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n{");
                slow.add(s);
            }
            Thread trickle = RawHttp.trickle(slow, " ", TRICKLE);
            try {
                HttpResponse<String> tools = HttpCallers.post(server, sandbox.rootToken(), session, HttpCallers.LIST_TOOLS);
                assertEquals(200, tools.statusCode(), tools.body());
                int cutOff = 0;
                long end = System.nanoTime() + Duration.ofSeconds(15).toNanos(); // one budget for all sockets
                for (RawHttp s : slow) {
                    s.socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
                    try {
                        int status = s.status();
                        if (status == 408 || status == -1) {
                            cutOff++;
                        }
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // counted as not cut off
                    }
                }
                assertEquals(SLOW_SOCKETS, cutOff, "slow requests still open after their body deadline");
            } finally {
                trickle.interrupt();
                for (RawHttp s : slow) {
                    s.close();
                }
            }
        }
    }
}

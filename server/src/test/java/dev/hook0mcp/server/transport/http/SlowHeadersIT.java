package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hook0mcp.sandbox.Sandbox;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: request heads sent a line now and then, which Jetty's idle timeout never ends, are cut off once
 * their deadline passed; one client address cannot take more than its share of the connections.
 */
class SlowHeadersIT {

    private static final Duration HEAD_DEADLINE = Duration.ofSeconds(1);

    @Test
    void headsThatNeverEndAreCutOffWhileOthersAreServed() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
             HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null,
                     HttpCallers.limits(HEAD_DEADLINE, 100))) {
            int port = server.port();
            List<RawHttp> slow = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                RawHttp s = new RawHttp("127.0.0.1", port);
                s.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
                slow.add(s);
            }
            Thread trickle = RawHttp.trickle(slow, "X-Slow: 1\r\n", Duration.ofMillis(100));
            try {
                String session = HttpCallers.initialize(server, sandbox.rootToken());
                HttpResponse<String> tools = HttpCallers.post(server, sandbox.rootToken(), session, HttpCallers.LIST_TOOLS);
                assertEquals(200, tools.statusCode(), tools.body());
                int cutOff = 0;
                long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                for (RawHttp s : slow) {
                    s.socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
                    try {
                        if (s.status() == -1) {
                            cutOff++;
                        }
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // counted as not cut off
                    } catch (java.net.SocketException reset) {
                        cutOff++;
                    }
                }
                assertEquals(slow.size(), cutOff, "slow heads still open after their deadline");
            } finally {
                trickle.interrupt();
                for (RawHttp s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
             HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null,
                     HttpCallers.limits(Duration.ofSeconds(10), 3))) {
            int port = server.port();
            List<RawHttp> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawHttp s = new RawHttp("127.0.0.2", port);
                s.write(RawHttp.request("GET", "/healthz", port, null));
                assertEquals(200, s.status(), "kept alive after its answer");
                held.add(s);
            }
            try (RawHttp fourth = new RawHttp("127.0.0.2", port)) {
                fourth.write(RawHttp.request("GET", "/healthz", port, null));
                assertEquals(-1, fourth.status(), "a fourth connection of 127.0.0.2 is closed");
            }
            try (RawHttp other = new RawHttp("127.0.0.1", port)) {
                other.write(RawHttp.request("GET", "/healthz", port, null));
                assertEquals(200, other.status(), "another address is served");
            }
            held.get(0).close();
            int again = -1;
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                while (again != 200 && System.nanoTime() < until) { // the server sees the close a moment later
                    try (RawHttp next = new RawHttp("127.0.0.2", port)) {
                        next.write(RawHttp.request("GET", "/healthz", port, null));
                        again = next.status();
                    } catch (java.net.SocketException closedAtOnce) {
                        again = -1;
                    }
                    if (again != 200) {
                        Thread.sleep(100);
                    }
                }
                assertEquals(200, again, "once one closed, the address may connect again");
            } finally {
                for (RawHttp s : held) {
                    s.close();
                }
            }
        }
    }
}

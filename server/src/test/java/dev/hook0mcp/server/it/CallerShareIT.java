package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Per-caller HTTP: one caller's slow calls cannot make another caller wait. Caller A floods list_events, which
 * the Hook0 double holds for 10 s; caller B's get_organization is answered at once, and A never has more than
 * its share of calls at Hook0.
 */
class CallerShareIT {

    private static final Duration SLOW = Duration.ofSeconds(10);
    private static final int A_CALLS = 30;
    /** CallerShares.PER_CALLER in the server. */
    private static final int SHARE = 8;

    @Test
    void aCallerFloodingSlowCallsDoesNotStallAnotherCaller() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(), seen ->
                        seen.method().equals("GET") && seen.path().equals("/api/v1/events") ? SLOW : Duration.ZERO);
                InProcessHttpServer server = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", hook0.url()))) {
            String tokenA = sandbox.rootToken();
            String tokenB = sandbox.tokens().mintRoot();
            McpSyncClient a = server.streamableClient(tokenA);
            McpSyncClient b = server.streamableClient(tokenB);
            String app = sandbox.applicationId().toString();
            ExecutorService callers = Executors.newFixedThreadPool(A_CALLS);
            try {
                List<Future<Timed>> flood = new ArrayList<>();
                for (int i = 0; i < A_CALLS; i++) {
                    flood.add(callers.submit(() -> Timed.call(a, "list_events", Map.of("application_id", app))));
                }
                Thread.sleep(1_500); // A's calls now hold every slot they can get

                Timed fromB = Timed.call(b, "get_organization", Map.of());
                assertFalse(Boolean.TRUE.equals(fromB.result().isError()), fromB.text());
                assertTrue(fromB.took().compareTo(Duration.ofSeconds(5)) < 0,
                        "caller B waited " + fromB.took() + " behind caller A's slow calls");

                int slow = 0;
                int refused = 0;
                for (Future<Timed> f : flood) {
                    Timed t = f.get();
                    if (Boolean.TRUE.equals(t.result().isError())) {
                        assertTrue(t.text().contains("Too many concurrent calls for this token (" + SHARE + ")"), t.text());
                        refused++;
                    } else {
                        assertTrue(t.took().compareTo(SLOW) >= 0, "an admitted call went through the slow route");
                        slow++;
                    }
                }
                assertTrue(slow >= SHARE, "A's share of calls ran: " + slow);
                assertTrue(refused > 0, "A's calls beyond its share are refused, not queued");
                assertEquals(SHARE, hook0.mostHeld(), "A never had more than its share of requests at Hook0");
            } finally {
                callers.shutdownNow();
                a.closeGracefully();
                b.closeGracefully();
            }
        }
    }

    /** One tool call and how long it took. */
    record Timed(McpSchema.CallToolResult result, Duration took) {
        static Timed call(McpSyncClient client, String tool, Map<String, Object> arguments) {
            long start = System.nanoTime();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
            return new Timed(result, Duration.ofNanos(System.nanoTime() - start));
        }

        String text() {
            return result.content().isEmpty() ? "" : ((McpSchema.TextContent) result.content().get(0)).text();
        }
    }
}

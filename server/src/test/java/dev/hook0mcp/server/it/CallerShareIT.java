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
 * the Hook0 double holds until the test lets them go; caller B's get_organization is answered while A's calls are
 * still held, and A never has more than its share of calls at Hook0.
 */
class CallerShareIT {

    /** Held this long at most: the test releases them as soon as it has checked what it needs. */
    private static final Duration HOLD = Duration.ofSeconds(50);
    private static final int A_CALLS = 30;
    /** CallerShares.PER_CALLER in the server. */
    private static final int SHARE = 8;
    /** CallerShares.MAX_WAITING in the server: beyond share + waiting room, A's calls are refused at once. */
    private static final int WAITING = 8;

    @Test
    void aCallerFloodingSlowCallsDoesNotStallAnotherCaller() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(), seen ->
                        seen.method().equals("GET") && seen.path().equals("/api/v1/events") ? HOLD : Duration.ZERO);
                InProcessHttpServer server = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", hook0.url()))) {
            String tokenA = sandbox.rootToken();
            String tokenB = sandbox.tokens().mintRoot();
            McpSyncClient a = server.streamableClient(tokenA);
            McpSyncClient b = server.streamableClient(tokenB);
            String app = sandbox.applicationId().toString();
            ExecutorService callers = Executors.newFixedThreadPool(A_CALLS);
            try {
                List<Future<McpSchema.CallToolResult>> flood = new ArrayList<>();
                for (int i = 0; i < A_CALLS; i++) {
                    flood.add(callers.submit(() -> a.callTool(new McpSchema.CallToolRequest("list_events",
                            Map.of("application_id", app)))));
                }
                // A's calls now hold every slot they can get: its share at Hook0, the rest waiting or refused.
                awaitUntil(() -> hook0.held() == SHARE && done(flood) >= A_CALLS - SHARE - WAITING,
                        "A's share of calls held at Hook0 and its calls beyond the waiting room refused");

                McpSchema.CallToolResult fromB = b.callTool(new McpSchema.CallToolRequest("get_organization", Map.of()));
                assertFalse(Boolean.TRUE.equals(fromB.isError()), text(fromB));
                assertEquals(SHARE, hook0.held(), "caller B was answered while A's slow calls were all still held");

                hook0.release();
                int ran = 0;
                int refused = 0;
                for (Future<McpSchema.CallToolResult> f : flood) {
                    McpSchema.CallToolResult t = f.get();
                    if (Boolean.TRUE.equals(t.isError())) {
                        assertTrue(text(t).contains("Too many concurrent calls for this token (" + SHARE + ")"), text(t));
                        refused++;
                    } else {
                        ran++;
                    }
                }
                assertTrue(ran >= SHARE, "A's share of calls ran: " + ran);
                assertTrue(refused >= A_CALLS - SHARE - WAITING, "A's calls beyond its share are refused, not queued: "
                        + refused);
                assertEquals(SHARE, hook0.mostHeld(), "A never had more than its share of requests at Hook0");
            } finally {
                hook0.release();
                callers.shutdownNow();
                a.closeGracefully();
                b.closeGracefully();
            }
        }
    }

    private static int done(List<? extends Future<?>> futures) {
        return (int) futures.stream().filter(Future::isDone).count();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        assertTrue(Eventually.within(Duration.ofSeconds(30), condition), "timed out waiting for: " + what);
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().isEmpty() ? "" : ((McpSchema.TextContent) result.content().get(0)).text();
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SIGTERM while a tool call waits on a slow Hook0: the server stops taking requests, lets the call finish within
 * the grace period, answers it, then closes the sessions, and the jar exits 0. Hook0 holds the call until the
 * server says it is stopping, so the call is in flight then however fast or slow the machine is.
 *
 * <p>The jar is signalled once, on Streamable HTTP: the signal, the shutdown hook and the exit status are the same
 * for both HTTP transports. Legacy SSE's own part, answering on its event stream while stopping, runs in this JVM
 * through the entry point's {@link dev.hook0mcp.server.HttpServing#close}, which is what the hook runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpGracefulShutdownIT {

    private static final String STOPPING = "stopping: new requests are refused; 1 call(s) in flight";

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void aCallInFlightAtSigtermIsAnsweredAndTheProcessExits0() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        HeldHook0Request held = new HeldHook0Request("/api/v1/applications");
        try (DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(), held);
             HttpServerProcess server = new HttpServerProcess("http", Map.of("HOOK0_API_URL", hook0.url()))) {
            McpSyncClient client = server.streamableClient(sandbox.rootToken());
            held.arm();
            Future<McpSchema.CallToolResult> call = caller.submit(() ->
                    client.callTool(new McpSchema.CallToolRequest("list_applications", Map.of())));
            try {
                assertTrue(held.awaitHeld(Duration.ofSeconds(30)), "the call never reached Hook0");
                server.sigterm();
                assertTrue(server.awaitStderr(STOPPING, Duration.ofSeconds(20)),
                        "the signal was not handled:\n" + server.stderr());
            } finally {
                held.release(); // Hook0 answers now: the call finishes within the grace period
            }

            McpSchema.CallToolResult result = call.get(20, TimeUnit.SECONDS);
            assertFalse(Boolean.TRUE.equals(result.isError()), String.valueOf(result.content()));
            assertTrue(server.process.waitFor(20, TimeUnit.SECONDS), "the process did not stop:\n" + server.stderr());
            assertEquals(0, server.process.exitValue(), server.stderr());
            assertTrue(server.awaitStderr("HTTP server stopped", Duration.ofSeconds(5)), server.stderr());
        } finally {
            caller.shutdownNow();
        }
    }

    /** Legacy SSE with the one configured token, as it is deployed. */
    @Test
    void aLegacySseCallInFlightAtStopIsAnsweredOnItsStream() throws Exception {
        ExecutorService caller = Executors.newFixedThreadPool(2);
        HeldHook0Request held = new HeldHook0Request("/api/v1/applications");
        try (DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(), held)) {
            InProcessHttpServer server = new InProcessHttpServer("sse",
                    Map.of("HOOK0_API_URL", hook0.url(), "HOOK0_API_TOKEN", sandbox.rootToken()));
            Future<?> stopped = null;
            try {
                McpSyncClient client = server.sseClient(null);
                held.arm();
                Future<McpSchema.CallToolResult> call = caller.submit(() ->
                        client.callTool(new McpSchema.CallToolRequest("list_applications", Map.of())));
                try {
                    assertTrue(held.awaitHeld(Duration.ofSeconds(30)), "the call never reached Hook0");
                    stopped = caller.submit(server::close); // as the SIGTERM hook does
                    assertTrue(awaitLine(server, STOPPING), "the stop did not begin:\n" + server.stderr());
                } finally {
                    held.release();
                }

                McpSchema.CallToolResult result = call.get(20, TimeUnit.SECONDS);
                assertFalse(Boolean.TRUE.equals(result.isError()), String.valueOf(result.content()));
                stopped.get(20, TimeUnit.SECONDS);
                assertTrue(server.stderr().contains("HTTP server stopped"), server.stderr());
            } finally {
                if (stopped == null) {
                    server.close();
                }
            }
        } finally {
            caller.shutdownNow();
        }
    }

    private static boolean awaitLine(InProcessHttpServer server, String text) throws InterruptedException {
        return Eventually.within(Duration.ofSeconds(20), () -> server.stderr().contains(text));
    }
}

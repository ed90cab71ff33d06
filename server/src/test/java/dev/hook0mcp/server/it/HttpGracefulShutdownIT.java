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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while a tool call waits on a slow Hook0: the jar stops taking requests, lets the call finish within the
 * grace period, answers it, then closes the sessions and exits 0.
 */
class HttpGracefulShutdownIT {

    @Test
    void aCallInFlightAtSigtermIsAnsweredAndTheProcessExits0() throws Exception {
        callInFlightAtSigterm("http");
    }

    @Test
    void aLegacySseCallInFlightAtSigtermIsAnsweredOnItsStreamAndTheProcessExits0() throws Exception {
        callInFlightAtSigterm("sse");
    }

    private static void callInFlightAtSigterm(String transport) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        AtomicBoolean armed = new AtomicBoolean();
        try (Sandbox sandbox = Sandbox.start(0);
             DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(),
                     DelayingHook0.holding("/api/v1/applications", Duration.ofSeconds(2), armed));
             HttpServerProcess server = new HttpServerProcess(transport, Map.of("HOOK0_API_URL", hook0.url()))) {
            McpSyncClient client = transport.equals("sse") ? server.sseClient(sandbox.rootToken())
                    : server.streamableClient(sandbox.rootToken());
            armed.set(true);
            Future<McpSchema.CallToolResult> call = caller.submit(() ->
                    client.callTool(new McpSchema.CallToolRequest("list_applications", Map.of())));
            assertTrue(hook0.awaitHeldRequest(Duration.ofSeconds(30)), "the call never reached Hook0");

            assertTrue(server.terminate(), "the process did not stop within 20 s:\n" + server.stderr());

            McpSchema.CallToolResult result = call.get(10, TimeUnit.SECONDS);
            assertFalse(Boolean.TRUE.equals(result.isError()), String.valueOf(result.content()));
            assertEquals(0, server.process.exitValue(), server.stderr());
        } finally {
            caller.shutdownNow();
        }
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on stdio: the call in flight is answered, then the process exits 0 (not 143). Hook0 holds the call until
 * the jar says it handled the signal, so the call is in flight then however fast or slow the machine is.
 */
class StdioShutdownIT {

    @Test
    void sigtermLetsTheCallInFlightFinishAndExitsZero() throws Exception {
        HeldHook0Request held = new HeldHook0Request("/api/v1/applications");
        try (Sandbox sandbox = Sandbox.start(0);
             DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(), held);
             RawProcess server = RawProcess.keepingStderr(Map.of("HOOK0_API_URL", hook0.url(),
                     "HOOK0_API_TOKEN", sandbox.rootToken()))) {
            StdioResilienceIT.handshake(server);

            held.arm();
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"list_applications\",\"arguments\":{\"organization_id\":\"" + sandbox.organizationId() + "\"}}}");
            try {
                assertTrue(held.awaitHeld(Duration.ofSeconds(20)), "the call reached Hook0");
                new ProcessBuilder("kill", "-TERM", Long.toString(server.process.pid())).start().waitFor();
                assertTrue(server.awaitStderr("SIGTERM: finishing the calls in flight", Duration.ofSeconds(20)),
                        "the signal was not handled:\n" + server.stderr());
            } finally {
                held.release(); // Hook0 answers now: the call finishes within the grace period
            }

            String line = StdioResilienceIT.readLine(server);
            assertTrue(line != null, "the call in flight is answered after SIGTERM");
            JsonNode answer = Results.JSON.readTree(line);
            assertEquals(2, answer.get("id").asInt());
            assertFalse(answer.at("/result/isError").asBoolean(), answer.toString());
            assertTrue(answer.at("/result/structuredContent/count").asInt() >= 2, answer.toString());
            assertTrue(server.process.waitFor(20, TimeUnit.SECONDS), "the process stops after the answer");
            assertEquals(0, server.process.exitValue(), "a requested stop is a clean exit");
        }
    }
}

package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.hook0.FaultyHook0.respond;
import static dev.hook0mcp.server.it.Results.error;
import static dev.hook0mcp.server.it.Results.text;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.hook0.FaultyHook0;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tool call's deadline (HOOK0_CALL_TIMEOUT_SECONDS) against a Hook0 that hangs or asks to be retried later
 * than the deadline allows: the call gets an error result naming the deadline, in bounded time, instead of
 * waiting. The server runs in-process over stdio with a 1 s deadline, so the hang costs the test one second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallDeadlineIT {

    private static final String APPS = "/api/v1/applications";
    private static final int CALL_DEADLINE_SECONDS = 1;

    private Sandbox sandbox;
    private FaultyHook0 hook0;
    private InProcessServer server;
    private String org;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        hook0 = FaultyHook0.start(sandbox.baseUrl());
        server = InProcessServer.start(hook0.baseUrl(), sandbox.rootToken(),
                Map.of("HOOK0_CALL_TIMEOUT_SECONDS", String.valueOf(CALL_DEADLINE_SECONDS)));
        org = sandbox.organizationId().toString();
    }

    @AfterEach
    void reset() {
        hook0.clear();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        hook0.close();
        sandbox.close();
    }

    private McpSchema.CallToolResult listApplications() {
        return server.call("list_applications", Map.of("organization_id", org));
    }

    @Test
    void aRetryAfterLongerThanTheCallDeadlineIsNotWaitedFor() {
        hook0.on("GET", APPS, respond(503, Map.of("Retry-After", "10"), "{\"id\":\"ServiceUnavailable\"}"));
        long started = System.nanoTime();
        McpSchema.CallToolResult result = listApplications();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        error(result);
        assertTrue(seconds < 15, "answered in " + seconds + " s");
        assertTrue(text(result).contains("deadline of " + CALL_DEADLINE_SECONDS + " s (HOOK0_CALL_TIMEOUT_SECONDS"),
                text(result));
    }

    @Test
    void aHangingHook0IsGivenUpAtTheCallDeadline() {
        hook0.on("GET", APPS, hook0.hang());
        long started = System.nanoTime();
        McpSchema.CallToolResult result = listApplications();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        error(result);
        assertTrue(seconds < 15, "answered in " + seconds + " s");
        assertTrue(text(result).contains("did not finish within the tool call's deadline of " + CALL_DEADLINE_SECONDS
                + " s"), text(result));
    }
}

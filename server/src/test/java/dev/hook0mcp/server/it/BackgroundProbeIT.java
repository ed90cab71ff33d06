package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.access.LiveAccess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.biscuitsec.biscuit.token.UnverifiedBiscuit;
import org.biscuitsec.biscuit.token.builder.Block;
import org.junit.jupiter.api.Test;

/**
 * A Hook0 that hangs at start does not hold up the MCP handshake: the server answers from the token's own text,
 * finishes probing in the background, then changes its tool list and says so with
 * {@code notifications/tools/list_changed}.
 */
class BackgroundProbeIT {

    /**
     * Authenticated requests (the probes) are held this long from the first one; the instance route is not. Longer
     * than the handshake's wait for the probes, so a handshake answered before it ends did not wait for Hook0.
     */
    private static final Duration HANG = LiveAccess.HANDSHAKE_WAIT.plusSeconds(5);

    @Test
    void theHandshakeIsAnsweredFromTheTokenTextAndTheToolListFollowsTheProbes() throws Exception {
        AtomicLong hangUntil = new AtomicLong();
        try (Sandbox sandbox = Sandbox.start(0);
                DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(), seen -> {
                    if (seen.authorization() == null) {
                        return Duration.ZERO;
                    }
                    hangUntil.compareAndSet(0, System.nanoTime() + HANG.toNanos());
                    return Duration.ofNanos(Math.max(0, hangUntil.get() - System.nanoTime()));
                })) {
            // Read-only by its allow-list (which this server reads offline), and a further check it cannot
            // interpret: only Hook0 can tell that list_events is refused.
            String readOnly = sandbox.tokens().attenuate(sandbox.rootToken(),
                    Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
            UnverifiedBiscuit parsed = UnverifiedBiscuit.from_b64url(readOnly);
            Block block = parsed.create_block();
            block.add_check("check if action($a), $a != \"event:list\"");
            String token = parsed.attenuate(block).serialize_b64url();

            List<List<String>> changes = new ArrayList<>();
            CountDownLatch changed = new CountDownLatch(1);
            long start = System.nanoTime();
            InProcessServer server = InProcessServer.start(Map.of("HOOK0_API_URL", hook0.url(), "HOOK0_API_TOKEN", token),
                    spec -> spec.toolsChangeConsumer(tools -> {
                        synchronized (changes) {
                            changes.add(names(tools));
                        }
                        changed.countDown();
                    }));
            McpSyncClient client = server.client;
            try {
                McpSchema.InitializeResult initialized = server.initialized;
                long answered = System.nanoTime();
                Duration took = Duration.ofNanos(answered - start);
                assertTrue(hangUntil.get() == 0 || answered - hangUntil.get() < 0,
                        "initialize waited " + took + " for a Hook0 that hangs " + HANG);
                assertTrue(initialized.capabilities().tools().listChanged(), "tools.listChanged is declared");

                List<String> provisional = names(client.listTools().tools());
                assertTrue(provisional.contains("list_events"), "the token's own text allows event:list");
                assertTrue(provisional.contains("get_event"), provisional.toString());
                assertFalse(provisional.contains("ingest_event"), "the allow-list is read-only");

                assertTrue(changed.await(60, TimeUnit.SECONDS), "notifications/tools/list_changed arrived\n"
                        + server.stderr());
                List<String> probed = names(client.listTools().tools());
                List<String> expected = new ArrayList<>(provisional);
                expected.remove("list_events");
                assertEquals(expected, probed, "the tool list is now the probed surface");

                McpSchema.CallToolResult hidden = client.callTool(new McpSchema.CallToolRequest("list_events",
                        Map.of("application_id", sandbox.applicationId().toString())));
                assertTrue(Boolean.TRUE.equals(hidden.isError()));
                assertTrue(((McpSchema.TextContent) hidden.content().get(0)).text().contains("not available"),
                        hidden.toString());
            } finally {
                server.close();
            }
            assertFalse(server.stderr().contains(token), "the token is never logged");
        }
    }

    private static List<String> names(List<McpSchema.Tool> tools) {
        return tools.stream().map(McpSchema.Tool::name).toList();
    }
}

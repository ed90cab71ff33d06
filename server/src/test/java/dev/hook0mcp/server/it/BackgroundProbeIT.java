package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
     * How long the handshake waits for the probes (HOOK0_HANDSHAKE_WAIT_SECONDS; 4 s by default). Zero: it gives up
     * on them at once, the path a longer wait takes once it has passed.
     */
    private static final String HANDSHAKE_WAIT_SECONDS = "0";
    /**
     * Authenticated requests (the probes) are held until the test releases them, at most this long; the instance
     * route is not held. A handshake answered before the release did not wait for Hook0.
     */
    private static final Duration HANG = Duration.ofSeconds(50);

    @Test
    void theHandshakeIsAnsweredFromTheTokenTextAndTheToolListFollowsTheProbes() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0);
                DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(),
                        seen -> seen.authorization() == null ? Duration.ZERO : HANG)) {
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
            InProcessServer server = InProcessServer.start(Map.of("HOOK0_API_URL", hook0.url(), "HOOK0_API_TOKEN", token,
                            "HOOK0_HANDSHAKE_WAIT_SECONDS", HANDSHAKE_WAIT_SECONDS),
                    spec -> spec.toolsChangeConsumer(tools -> {
                        synchronized (changes) {
                            changes.add(names(tools));
                        }
                        changed.countDown();
                    }));
            McpSyncClient client = server.client;
            try {
                McpSchema.InitializeResult initialized = server.initialized;
                // Nothing is released before this point: the handshake was answered without any answer from Hook0.
                assertTrue(server.stderr().contains("Hook0 has not answered the probes within " + HANDSHAKE_WAIT_SECONDS
                        + " s"), server.stderr());
                assertTrue(initialized.capabilities().tools().listChanged(), "tools.listChanged is declared");

                List<String> provisional = names(client.listTools().tools());
                assertTrue(provisional.contains("list_events"), "the token's own text allows event:list");
                assertTrue(provisional.contains("get_event"), provisional.toString());
                assertFalse(provisional.contains("ingest_event"), "the allow-list is read-only");
                assertEquals(1, changed.getCount(), "no tools/list_changed before Hook0 answers");

                hook0.release();

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

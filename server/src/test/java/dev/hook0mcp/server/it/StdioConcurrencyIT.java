package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Clients send several tool calls without waiting (Claude Code does): every one is answered over stdio, however
 * many finish at the same moment and however slowly the client reads (answers pile up in a full pipe), and the
 * calls beyond the caller's share are refused with a result, not dropped. The entry point runs in this JVM; its
 * stdout is an OS pipe (64 KB), as a process's is.
 */
class StdioConcurrencyIT {

    private static final int CALLS = 40;

    @Test
    void everyConcurrentCallIsAnswered() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        try (Sandbox sandbox = Sandbox.start(0);
             DelayingHook0 hook0 = new DelayingHook0(sandbox.baseUrl(),
                     DelayingHook0.holding("/api/v1/events", Duration.ofMillis(150), armed));
             InProcessServer.Lines server = InProcessServer.lines(Map.of("HOOK0_API_URL", hook0.url(),
                     "HOOK0_API_TOKEN", sandbox.rootToken()))) {
            StdioResilienceIT.handshake(server);
            armed.set(true);
            StringBuilder burst = new StringBuilder();
            for (int id = 100; id < 100 + CALLS; id++) {
                burst.append("{\"jsonrpc\":\"2.0\",\"id\":").append(id).append(",\"method\":\"tools/call\",\"params\":")
                        .append("{\"name\":\"list_events\",\"arguments\":{\"application_id\":\"")
                        .append(sandbox.applicationId()).append("\"}}}\n");
            }
            server.send(burst.toString().strip());
            Thread.sleep(500); // a client busy elsewhere: answers pile up in the full pipe (about 30 KB each)
            Set<Integer> answered = new TreeSet<>();
            for (int i = 0; i < CALLS; i++) {
                JsonNode answer = Results.JSON.readTree(StdioResilienceIT.readLine(server));
                assertTrue(answer.has("result"), answer.toString());
                assertTrue(answer.toString().length() > 1_000 || answer.at("/result/isError").asBoolean(),
                        "a page of events, or a refusal of a call beyond the caller's share: " + answer);
                answered.add(answer.get("id").asInt());
            }
            assertEquals(CALLS, answered.size(), "each call answered once: " + answered);
        }
    }
}

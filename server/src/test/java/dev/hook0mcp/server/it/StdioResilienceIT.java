package dev.hook0mcp.server.it;

import dev.hook0mcp.sandbox.store.SeedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One stdio line never disables the server: every line the SDK could not take is answered with a JSON-RPC error
 * and the session goes on; at end of input every request already sent is answered before the process exits. The
 * real entry point runs in this JVM with its stdio as pipes ({@link InProcessServer}); the status it returns is
 * what {@code main} exits with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioResilienceIT {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private Sandbox sandbox;
    private Map<String, String> env;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        // No probe cache: each server probes before it serves, so no background re-probe reaches the sandbox
        // while a test counts the requests a call sent.
        env = Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", sandbox.rootToken(),
                "HOOK0_PROBE_CACHE_TTL_SECONDS", "0");
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private InProcessServer.Lines initialized() throws Exception {
        InProcessServer.Lines server = InProcessServer.lines(env);
        handshake(server);
        return server;
    }

    /** initialize, its answer, then notifications/initialized: the session is ready for calls. */
    static void handshake(StdioLines server) throws Exception {
        server.send(INITIALIZE);
        JsonNode answer = Results.JSON.readTree(readLine(server));
        if (answer.path("id").asInt() != 1 || !answer.has("result")) {
            throw new AssertionError("initialize was not answered: " + answer);
        }
        server.send(INITIALIZED);
    }

    /** The next stdout line, or a failure after 30 s: a server that stopped reading must fail the test, not hang it. */
    static String readLine(StdioLines server) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return server.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return line.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 30 s: the server stopped reading stdin");
        }
    }

    private static JsonNode answer(StdioLines server, String line) throws Exception {
        server.send(line);
        String reply = readLine(server);
        assertTrue(reply != null, "an answer to " + line);
        return Results.JSON.readTree(reply);
    }

    private static void assertStillServing(StdioLines server) throws Exception {
        JsonNode tools = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"tools/list\"}");
        assertEquals("after", tools.get("id").asText());
        assertEquals(dev.hook0mcp.catalog.ToolCatalog.standard().size(), tools.at("/result/tools").size(), "still serving");
    }

    private static void assertExitsAtEndOfInput(InProcessServer.Lines server) throws Exception {
        server.closeInput();
        assertEquals(0, server.awaitExit(Duration.ofSeconds(20)), "the server ends at end of input, status 0");
    }

    @Test
    void idsTheSdkCannotTakeAreAnsweredAndTheSessionLivesOn() throws Exception {
        try (InProcessServer.Lines server = initialized()) {
            for (String id : List.of("9223372036854775808", "-9223372036854775809", "1.5", "2e3")) {
                JsonNode error = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
                assertEquals(-32600, error.at("/error/code").asInt(), id + " → " + error);
                assertTrue(error.at("/error/message").asText().contains("\"id\""), error.toString());
            }
            JsonNode edge = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}");
            assertEquals("9223372036854775807", edge.get("id").asText(), "the largest 64-bit id still works");
            assertStillServing(server);
            assertExitsAtEndOfInput(server);
        }
    }

    @Test
    void paramsOfTheWrongTypeGetInvalidParamsAndServingGoesOn() throws Exception {
        String deep = "[".repeat(900) + "]".repeat(900);
        try (InProcessServer.Lines server = initialized()) {
            for (String params : List.of(
                    "{\"name\":5,\"arguments\":{}}",
                    "{\"name\":\"list_organizations\",\"arguments\":\"{}\"}",
                    "{\"name\":\"list_organizations\",\"arguments\":[1]}")) {
                JsonNode error = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                        + params + "}");
                assertEquals(-32602, error.at("/error/code").asInt(), params + " → " + error);
                assertFalse(error.toString().contains("java."), "no Java internals: " + error);
            }
            JsonNode uri = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/read\",\"params\":"
                    + "{\"uri\":{\"a\":1}}}");
            assertEquals(-32602, uri.at("/error/code").asInt(), uri.toString());
            JsonNode nested = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"list_organizations\",\"arguments\":{\"a\":" + deep + "}}}");
            assertEquals(9, nested.get("id").asInt());
            assertTrue(nested.at("/result/isError").asBoolean(), nested.toString());
            JsonNode tooDeep = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\",\"params\":{\"a\":"
                    + "[".repeat(5000) + "]".repeat(5000) + "}}");
            assertEquals(-32600, tooDeep.at("/error/code").asInt(), "beyond the parser's nesting limit: invalid request");
            assertTrue(tooDeep.at("/error/message").asText().contains("nesting deeper than"), tooDeep.toString());
            assertStillServing(server);
        }
    }

    @Test
    void theLastLineWithoutANewlineIsAnsweredBeforeTheProcessExits() throws Exception {
        String input = INITIALIZE + "\n" + INITIALIZED + "\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_organizations\"}}";
        Run run = runWithInput(input);
        assertEquals(0, run.status);
        assertEquals(2, run.lines.size(), run.lines.toString());
        JsonNode call = Results.JSON.readTree(run.lines.get(1));
        assertEquals(2, call.get("id").asInt());
        assertEquals(sandbox.organizationId().toString(),
                call.at("/result/structuredContent/items/0/organization_id").asText(), call.toString());
    }

    /** {@code echo '<initialize>' | java -jar hook0-mcp.jar}: the answer comes before the exit. */
    @Test
    void anInitializePipedInIsAnsweredBeforeTheProcessExits() throws Exception {
        Run run = runWithInput(INITIALIZE + "\n");
        assertEquals(0, run.status);
        assertEquals(1, run.lines.size(), run.lines.toString());
        assertEquals("2025-11-25", Results.JSON.readTree(run.lines.get(0)).at("/result/protocolVersion").asText());
    }

    @Test
    void aLoneSurrogateInAnArgumentIsRefusedAndNothingReachesHook0() throws Exception {
        try (InProcessServer.Lines server = initialized()) {
            sandbox.requestLog().clear();
            JsonNode result = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"create_application\",\"arguments\":{\"organization_id\":\""
                    + sandbox.organizationId() + "\",\"name\":\"half \\ud800 a pair\"}}}");
            assertTrue(result.at("/result/isError").asBoolean(), result.toString());
            String text = result.at("/result/content/0/text").asText();
            assertTrue(text.contains("argument 'name'") && text.contains("unpaired UTF-16 surrogate"), text);
            assertEquals(List.of(), sandbox.requestLog().entries(), "nothing was sent to Hook0");

            JsonNode paired = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"create_application\",\"arguments\":{\"organization_id\":\""
                    + sandbox.organizationId() + "\",\"name\":\"pair \\ud83d\\ude00 ok\"}}}");
            assertFalse(paired.at("/result/isError").asBoolean(), paired.toString());
            assertEquals("pair \uD83D\uDE00 ok", paired.at("/result/structuredContent/name").asText(), paired.toString());
        }
    }

    @Test
    void payloadNumbersReachHook0AsWrittenNotAsDoubles() throws Exception {
        try (InProcessServer.Lines server = initialized()) {
            sandbox.requestLog().clear();
            JsonNode result = answer(server, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"ingest_event\",\"arguments\":{\"application_id\":\"" + sandbox.applicationId()
                    + "\",\"event_type\":\"" + SeedData.INVOICE_PAID + "\",\"labels\":{\"env\":\"test\"},"
                    + "\"payload_json\":{\"pi\":3.141592653589793238462643383279,\"big\":1e400,"
                    + "\"amount\":12345678901234567890.5,\"count\":123456789012345678901234567890}}}}");
            assertFalse(result.at("/result/isError").asBoolean(), result.toString());
            String sent = sandbox.requestLog().entries().stream().filter(r -> r.method().equals("POST"))
                    .map(r -> r.body()).findFirst().orElseThrow();
            String payload = Results.JSON.readTree(sent).path("payload").asText();
            JsonNode numbers = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(payload);
            assertEquals(new java.math.BigDecimal("3.141592653589793238462643383279"), numbers.get("pi").decimalValue(),
                    payload);
            assertEquals(new java.math.BigDecimal("1e400"), numbers.get("big").decimalValue(), payload);
            assertEquals(new java.math.BigDecimal("12345678901234567890.5"), numbers.get("amount").decimalValue(),
                    payload);
            assertEquals(new java.math.BigInteger("123456789012345678901234567890"), numbers.get("count").bigIntegerValue(),
                    payload);
        }
    }

    private record Run(int status, List<String> lines) {}

    /** The server with {@code input} as its whole stdin (as a file or a shell pipe gives it), run to the end. */
    private Run runWithInput(String input) {
        RawProcess.Outcome outcome = InProcessServer.runWithInput(env, input);
        String stdout = outcome.stdout();
        return new Run(outcome.status(), stdout.isEmpty() ? List.of() : List.of(stdout.split("\n")));
    }
}

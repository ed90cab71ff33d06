package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JsonRpcLineCheckTest {

    @Test
    void wellFormedMessagesPass() {
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").isEmpty());
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").isEmpty());
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}").isEmpty());
    }

    @Test
    void malformedMessagesGetTheRightJsonRpcError() {
        assertEquals(-32700, code("{not json"));
        assertEquals(-32600, code("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"));
        assertEquals(-32600, code("{\"id\":1,\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}"));
        assertEquals("7", JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}").get().get("id").asText(),
                "the error answers the request's own id when it has one");
    }

    @Test
    void idsBeyond64BitsAndParamsOfTheWrongTypeAreRefusedBeforeTheSdkSeesThem() {
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775808,\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":-9223372036854775809,\"method\":\"ping\"}"));
        assertEquals(-32600, code("{\"jsonrpc\":\"2.0\",\"id\":1.0,\"method\":\"ping\"}"));
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}")
                .isEmpty());
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":1}}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"x\",\"arguments\":\"{}\"}}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":"
                + "{\"name\":\"x\",\"arguments\":[]}}"));
        assertEquals(-32602, code("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":2}}"));
        assertTrue(JsonRpcLineCheck.problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"x\",\"arguments\":{}}}").isEmpty());
    }

    @Test
    void atEndOfInputTheGuardWaitsForTheRequestsItPassedOnToBeAnswered() throws Exception {
        InFlightRequests inFlight = new InFlightRequests();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ResponseWatcher out = new ResponseWatcher(stdout, inFlight);
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8)),
                out, 1024, () -> {}, inFlight, java.time.Duration.ofSeconds(10));
        byte[] buffer = new byte[256];
        int n = guard.read(buffer, 0, buffer.length);
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}\n",
                new String(buffer, 0, n, StandardCharsets.UTF_8), "the last line, without its newline, is passed on");
        assertEquals(1, inFlight.count());
        Thread answer = new Thread(() -> {
            try {
                Thread.sleep(200);
                out.write("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answer.start();
        assertEquals(-1, guard.read(buffer, 0, buffer.length), "end of input comes only after the answer");
        assertEquals(0, inFlight.count());
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("\"result\""));
        answer.join();
    }

    private static int code(String line) {
        return JsonRpcLineCheck.problem(line).orElseThrow().path("error").path("code").asInt();
    }

    @Test
    void theGuardAnswersBadLinesItselfAndPassesGoodOnesOn() throws Exception {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                + "garbage\n"
                + "\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean ended = new AtomicBoolean();
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                1024, () -> ended.set(true));
        String passed = new String(guard.readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n",
                passed);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"code\":-32700"));
        assertTrue(ended.get());
    }

    @Test
    void oversizedLinesAreRefusedNotFatal() throws Exception {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "x".repeat(100) + "\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, 64,
                () -> {});
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n",
                new String(guard.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("larger than 64 bytes"));
    }
}

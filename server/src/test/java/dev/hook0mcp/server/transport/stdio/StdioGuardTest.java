package dev.hook0mcp.server.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StdioGuardTest {

    /** The start of every session: the guard passes later requests on only after an initialize. */
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}\n";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";

    @Test
    void atEndOfInputTheGuardWaitsForTheRequestsItPassedOnToBeAnswered() throws Exception {
        InFlightRequests inFlight = new InFlightRequests();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ResponseWatcher out = new ResponseWatcher(stdout, inFlight);
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream((INITIALIZE + INITIALIZED
                + "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}").getBytes(StandardCharsets.UTF_8)),
                out, 1024, () -> {}, inFlight, java.time.Duration.ofSeconds(10));
        byte[] buffer = new byte[256];
        guard.read(buffer, 0, buffer.length);
        guard.read(buffer, 0, buffer.length);
        int n = guard.read(buffer, 0, buffer.length);
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}\n",
                new String(buffer, 0, n, StandardCharsets.UTF_8), "the last line, without its newline, is passed on");
        assertEquals(2, inFlight.count(), "initialize and the ping");
        Thread answer = new Thread(() -> {
            try {
                Thread.sleep(50); // the guard is waiting at the end of input by then
                out.write("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
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

    @Test
    void beforeInitializationAPingIsAnsweredHereAndOtherRequestsAreRefused() throws Exception {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_token_info\"}}\n"
                + INITIALIZE
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\n"
                + INITIALIZED
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                1024, () -> {});
        assertEquals(INITIALIZE + INITIALIZED + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}\n",
                new String(guard.readAllBytes(), StandardCharsets.UTF_8), "once initialised, the SDK answers pings");
        String answered = out.toString(StandardCharsets.UTF_8);
        assertTrue(answered.contains("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"), answered);
        assertTrue(answered.contains("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"), answered);
        assertTrue(answered.contains("\"id\":2,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: send initialize"
                + " first (tools/call came before it)\"}"), answered);
    }

    @Test
    void theGuardAnswersBadLinesItselfAndPassesGoodOnesOn() throws Exception {
        String input = INITIALIZE + INITIALIZED + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                + "garbage\n"
                + "\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean ended = new AtomicBoolean();
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                1024, () -> ended.set(true));
        String passed = new String(guard.readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(INITIALIZE + INITIALIZED
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n",
                passed);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"code\":-32700"));
        assertTrue(ended.get());
    }

    @Test
    void oversizedLinesAreRefusedNotFatal() throws Exception {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "x".repeat(100) + "\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\"}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, 64,
                () -> {});
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\"}\n",
                new String(guard.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("larger than 64 bytes"));
    }
}

package dev.hook0mcp.server.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.mcp.HandshakeAnswers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyAnswersTest {

    private static final HandshakeAnswers CACHED = new HandshakeAnswers(
            Map.of("2025-06-18", "{\"protocolVersion\":\"2025-06-18\"}"), "{\"tools\":[]}");
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}\n";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final InFlightRequests inFlight = new InFlightRequests();
    private final DuplicateAnswers duplicates = new DuplicateAnswers(stdout);
    private final ResponseWatcher out = new ResponseWatcher(duplicates, inFlight);

    private InputStream early(String input) {
        return EarlyAnswers.start(CACHED, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                duplicates).input();
    }

    private String written() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initializeAndToolsListAreAnsweredFromTheCacheAndEverythingElseIsHandedOnInOrder() throws IOException {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}\n";
        InputStream in = early(INITIALIZE + INITIALIZED
                + "{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"method\":\"tools/list\",\"params\":{}}\n" + call);

        assertEquals(INITIALIZE + INITIALIZED + call, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                "the SDK gets initialize (to set its session up) and the rest, not the tools/list answered");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\"}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"result\":{\"tools\":[]}}\n", written());
    }

    @Test
    void theSdksOwnAnswerToTheInitializeAnsweredEarlyIsDroppedAndNothingElse() throws IOException {
        early(INITIALIZE).readAllBytes();
        String before = written();
        out.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}\n".getBytes(StandardCharsets.UTF_8));
        out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\"}}"
                .getBytes(StandardCharsets.UTF_8));
        out.write("\n".getBytes(StandardCharsets.UTF_8)); // the SDK writes a line and its newline apart
        out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(before + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n", written(), "only the one duplicate goes");
    }

    @Test
    void onceTheServerIsReadyWhatFollowsIsItsToAnswer() throws Exception {
        var toServer = new java.io.PipedOutputStream();
        var stdin = new java.io.PipedInputStream(toServer);
        EarlyAnswers early = EarlyAnswers.start(CACHED, stdin, out, duplicates);
        InputStream in = early.input();
        toServer.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        assertEquals(INITIALIZE, new String(in.readNBytes(INITIALIZE.length()), StandardCharsets.UTF_8));
        early.serverReady();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";
        toServer.write((INITIALIZED + list).getBytes(StandardCharsets.UTF_8));
        toServer.close();
        assertEquals(INITIALIZED + list, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(early.initializeSent().isPresent());
        assertFalse(early.toolsListSent().isPresent(), "the server lists its own tools: nothing left to check");
        assertFalse(written().contains("\"id\":2"));
    }

    @Test
    void aProtocolVersionTheCacheHasNoAnswerForIsLeftToTheSdk() throws IOException {
        String other = INITIALIZE.replace("2025-06-18", "2024-11-05");
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";
        assertEquals(other + list, new String(early(other + list).readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("", written());
    }

    @Test
    void aToolsListWithACursorIsLeftToTheSdk() throws IOException {
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{\"cursor\":\"c\"}}\n";
        assertEquals(INITIALIZE + list, new String(early(INITIALIZE + list).readAllBytes(), StandardCharsets.UTF_8));
        assertFalse(written().contains("\"id\":2"));
    }

    @Test
    void anInitializeThatIsNotPlainlyWellFormedIsLeftToTheSdk() throws IOException {
        for (String odd : new String[] {
                INITIALIZE.replace(",\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}", ""),
                INITIALIZE.replace("\"id\":1,", ""),
                INITIALIZE.replace("\"id\":1", "\"id\":1.5"),
                INITIALIZE.replace("\"id\":1", "\"id\":123456789012345678901234567890"),
                INITIALIZE.replace("\"jsonrpc\":\"2.0\"", "\"jsonrpc\":\"1.0\""),
                INITIALIZE.replace("\"id\":1", "\"id\":1,\"id\":2"),
                INITIALIZE.replace("}}}", "}},\"extra\":1}"),
                INITIALIZE.replace("\n", " trailing\n"),
                "garbage\n" + INITIALIZE}) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            DuplicateAnswers duplicates = new DuplicateAnswers(stdout);
            InputStream in = EarlyAnswers.start(CACHED, new ByteArrayInputStream(odd.getBytes(StandardCharsets.UTF_8)),
                    new ResponseWatcher(duplicates, inFlight), duplicates).input();
            assertEquals(odd, new String(in.readAllBytes(), StandardCharsets.UTF_8), "handed on byte for byte");
            assertEquals("", stdout.toString(StandardCharsets.UTF_8), odd);
        }
    }

    @Test
    void aVeryLongLineIsHandedOnWholeAndEndsTheEarlyPart() throws IOException {
        String longLine = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"p\":\"" + "y".repeat(200_000) + "\"}}\n";
        String input = longLine + INITIALIZE;
        assertEquals(input, new String(early(input).readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("", written());
    }

    @Test
    void endOfInputDuringTheEarlyPartIsEndOfInputBehindIt() throws IOException {
        InputStream in = early(INITIALIZE + "{\"jsonrpc\"");
        assertEquals(INITIALIZE + "{\"jsonrpc\"", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(-1, in.read());
        assertTrue(written().contains("\"id\":1"));
    }
}

package dev.hook0mcp.server.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stdout passes through unchanged, and each response line clears its request, whatever order its fields are in. */
class ResponseWatcherTest {

    private final InFlightRequests inFlight = new InFlightRequests();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ResponseWatcher watcher = new ResponseWatcher(stdout, inFlight);

    private void write(String text) throws Exception {
        watcher.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aResponseClearsItsRequestAndTheBytesPassUnchanged() throws Exception {
        inFlight.started(IntNode.valueOf(7));
        inFlight.started(TextNode.valueOf("a"));
        String big = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"items\":[" + "{\"x\":[1,2,{\"y\":\"}\"}]},".repeat(500)
                + "{}]}}\n";
        write(big.substring(0, 1000));
        assertEquals(2, inFlight.count(), "half a line clears nothing");
        write(big.substring(1000));
        assertEquals(1, inFlight.count());
        // id after the error, as another JSON writer may order it
        write("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"x\"},\"id\":\"a\"}\n");
        assertEquals(0, inFlight.count());
        assertArrayEquals((big + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"x\"},\"id\":\"a\"}\n")
                .getBytes(StandardCharsets.UTF_8), stdout.toByteArray());
    }

    @Test
    void requestsNotificationsAndNonJsonClearNothing() throws Exception {
        inFlight.started(IntNode.valueOf(1));
        write("{\"jsonrpc\":\"2.0\",\"method\":\"elicitation/create\",\"id\":1,\"params\":{}}\n");
        write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1}}\n");
        write("not json at all\n");
        write("[1,2]\n");
        write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}\n");
        assertEquals(1, inFlight.count());
    }
}

package dev.hook0mcp.server.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    @Test
    void endOfInputAndTheServersStopShareOneGracePeriod() throws Exception {
        InFlightRequests inFlight = new InFlightRequests();
        inFlight.started(IntNode.valueOf(7));
        assertFalse(inFlight.drain(Duration.ofMillis(50)), "request 7 is never answered");
        long start = System.nanoTime();
        assertFalse(inFlight.drain(Duration.ofMinutes(5)), "the second step waits for the same deadline");
        assertTrue(System.nanoTime() - start < Duration.ofMinutes(1).toNanos(), "it did not start a grace period of its own");
    }

    @Test
    void anAnsweredRequestEndsTheWait() throws Exception {
        InFlightRequests inFlight = new InFlightRequests();
        inFlight.started(IntNode.valueOf(7));
        inFlight.answered(InFlightRequests.key(IntNode.valueOf(7)));
        assertTrue(inFlight.drain(Duration.ofMinutes(5)));
    }
}

package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.config.ConfigException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

class PortReservationTest {

    @Test
    void portZeroTakesAFreePortAndHoldsIt() throws Exception {
        try (ServerSocketChannel held = PortReservation.bind("127.0.0.1", 0)) {
            int port = ((InetSocketAddress) held.getLocalAddress()).getPort();
            assertTrue(port > 0);
            var taken = assertThrows(ConfigException.class, () -> PortReservation.bind("127.0.0.1", port));
            assertEquals("port " + port + " on 127.0.0.1 is already in use (another hook0-mcp, or another server):"
                    + " stop that one, choose another port with --port N (MCP_PORT), or use --port 0 for any free"
                    + " port (the start-up line on stderr says which)", taken.getMessage());
        }
    }

    @Test
    void anAddressOfAnotherMachineNamesHost() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
        var e = assertThrows(ConfigException.class, () -> PortReservation.bind("192.0.2.1", 0));
        assertTrue(e.getMessage().startsWith("cannot listen on 192.0.2.1: it is not an address of this machine. Set"
                + " --host (MCP_HOST)"), e.getMessage());
    }
}

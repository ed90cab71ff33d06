package dev.hook0mcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    /** A request from {@code remote} carrying these X-Forwarded-For headers (nothing else is asked of it). */
    private static HttpServletRequest request(String remote, String... forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeaders" -> "X-Forwarded-For".equals(args[0])
                            ? Collections.enumeration(List.of(forwardedFor)) : Collections.emptyEnumeration();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void behindATrustedBalancerTheClientIsTheAddressItAppended() {
        ClientAddress address = new ClientAddress(Set.of("10.0.0.2"));
        assertEquals("203.0.113.7", address.of(request("10.0.0.2", "203.0.113.7")));
        // Whatever the client wrote itself comes first and is not believed.
        assertEquals("203.0.113.7", address.of(request("10.0.0.2", "198.51.100.1, 203.0.113.7")));
        assertEquals("203.0.113.7", address.of(request("10.0.0.2", "198.51.100.1", "203.0.113.7")));
        assertEquals("10.0.0.2", address.of(request("10.0.0.2")), "no header: the balancer itself");
    }

    @Test
    void fromAnyOtherAddressTheHeaderIsIgnored() {
        ClientAddress address = new ClientAddress(Set.of("10.0.0.2"));
        assertEquals("198.51.100.9", address.of(request("198.51.100.9", "203.0.113.7")));
        assertEquals("198.51.100.9", new ClientAddress(Set.of()).of(request("198.51.100.9", "203.0.113.7")));
    }
}

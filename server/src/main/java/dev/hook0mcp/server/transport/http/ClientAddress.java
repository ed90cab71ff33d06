package dev.hook0mcp.server.transport.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The address a request is counted for (new tokens per address, SSE sessions bound to their address). Behind a
 * load balancer every request comes from the balancer; when its address is trusted ({@code MCP_TRUSTED_PROXIES}),
 * the client is the last address of {@code X-Forwarded-For}: the one that balancer appended. Anything before it
 * was written by the client and is not believed. From an untrusted address the header is ignored.
 */
final class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return remote;
        }
        List<String> headers = Collections.list(request.getHeaders("X-Forwarded-For"));
        if (headers.isEmpty()) {
            return remote;
        }
        String last = headers.get(headers.size() - 1);
        String client = last.substring(last.lastIndexOf(',') + 1).strip();
        return client.isEmpty() || client.length() > 64 ? remote : client;
    }
}

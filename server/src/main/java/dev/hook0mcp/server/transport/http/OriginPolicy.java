package dev.hook0mcp.server.transport.http;

import dev.hook0mcp.server.config.Config;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS-rebinding protection for the HTTP transports, with the SDK's validator: a browser page from a foreign
 * origin gets 403; a Host header naming anything but this server gets 421. Loopback origins are always allowed;
 * MCP_ALLOWED_ORIGINS adds others.
 */
final class OriginPolicy {

    private OriginPolicy() {}

    static DefaultServerTransportSecurityValidator validator(Config config) {
        List<String> origins = new ArrayList<>(List.of(
                "http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*",
                "https://localhost:*", "https://127.0.0.1:*", "https://[::1]:*"));
        origins.addAll(config.allowedOrigins());
        var builder = DefaultServerTransportSecurityValidator.builder().allowedOrigins(origins);
        List<String> hosts = allowedHosts(config.host());
        if (!hosts.isEmpty()) {
            builder.allowedHosts(hosts);
        }
        return builder.build();
    }

    /** The Host values a request may carry; empty (no check) when bound to every interface. */
    static List<String> allowedHosts(String boundHost) {
        if (isWildcard(boundHost)) {
            return List.of();
        }
        List<String> hosts = new ArrayList<>();
        if (isLoopback(boundHost)) {
            hosts.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        } else {
            hosts.add(boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost);
        }
        List<String> withPorts = new ArrayList<>();
        for (String h : hosts) {
            withPorts.add(h);
            withPorts.add(h + ":*");
        }
        return withPorts;
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}

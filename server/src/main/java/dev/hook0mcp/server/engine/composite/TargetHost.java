package dev.hook0mcp.server.engine.composite;

import java.net.URI;

/** The host of a subscription's target URL, for short labels ("erp.acme.example"). */
final class TargetHost {

    private TargetHost() {}

    static String of(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "(unknown host)" : host;
        } catch (IllegalArgumentException e) {
            return "(unparsable target)";
        }
    }
}

package dev.hook0mcp.sandbox.store;

import java.util.Map;

/** An HTTP webhook target. The stored method is upper-case. */
public record Target(String method, String url, Map<String, String> headers) {

    public Target {
        headers = Maps.frozen(headers);
    }
}

package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;

/**
 * One caller's view: the token forwarded to Hook0 and what is known about that token. {@link #toString()} never
 * shows the token.
 */
public final class CallContext {

    private final Hook0Client client;
    private final String token;
    private final CallerAccess access;

    public CallContext(Hook0Client client, String token, CallerAccess access) {
        this.client = client;
        this.token = token;
        this.access = access;
    }

    public Hook0Response send(Hook0Request request) throws Hook0TransportException {
        return client.send(request, token);
    }

    public ToolSurface surface() {
        return access.surface();
    }

    public CallerAccess access() {
        return access;
    }

    public Hook0Client client() {
        return client;
    }

    @Override
    public String toString() {
        return "CallContext[api=" + client.apiUrl() + ", tools=" + surface().enabledNames().size() + "]";
    }
}

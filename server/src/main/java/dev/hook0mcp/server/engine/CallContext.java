package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.hook0.Deadline;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;

/**
 * One caller's view: the token forwarded to Hook0, what is known about that token, and — for one tool call — the
 * deadline all of that call's requests share. {@link #toString()} never shows the token.
 */
public final class CallContext {

    private final Hook0Client client;
    private final String token;
    private final CallerAccess access;
    private final Deadline deadline;

    public CallContext(Hook0Client client, String token, CallerAccess access) {
        this(client, token, access, Deadline.NONE);
    }

    private CallContext(Hook0Client client, String token, CallerAccess access, Deadline deadline) {
        this.client = client;
        this.token = token;
        this.access = access;
        this.deadline = deadline;
    }

    /** The same caller, for one tool call that must be answered by {@code deadline}. */
    public CallContext withDeadline(Deadline deadline) {
        return new CallContext(client, token, access, deadline);
    }

    public Hook0Response send(Hook0Request request) throws Hook0TransportException {
        return client.send(request, token, deadline);
    }

    public Deadline deadline() {
        return deadline;
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
        return "CallContext[api=" + client.apiUrl() + ", tools=" + surface().enabledNames().size() + ", " + deadline
                + "]";
    }
}

package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.access.CallerAccess;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.hook0.Deadline;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Journal;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.results.TokenEcho;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.token.TokenFingerprint;

/**
 * One caller's view: the token forwarded to Hook0, what is known about that token, and — for one tool call — the
 * deadline all of that call's requests share and the journal that notes them (audit log). {@link #toString()}
 * never shows the token.
 */
public final class CallContext {

    private final Hook0Client client;
    private final String token;
    private final CallerAccess access;
    private final Deadline deadline;
    private final Interaction interaction;
    private final Hook0Journal journal;

    public CallContext(Hook0Client client, String token, CallerAccess access) {
        this(client, token, access, Deadline.NONE, Interaction.NONE, Hook0Journal.NONE);
    }

    private CallContext(Hook0Client client, String token, CallerAccess access, Deadline deadline,
            Interaction interaction, Hook0Journal journal) {
        this.client = client;
        this.token = token;
        this.access = access;
        this.deadline = deadline;
        this.interaction = interaction;
        this.journal = journal;
    }

    /** The same caller, for one tool call that must be answered by {@code deadline}. */
    public CallContext withDeadline(Deadline deadline) {
        return new CallContext(client, token, access, deadline, interaction, journal);
    }

    /** The same caller, for one tool call whose client can be asked / told progress through {@code interaction}. */
    public CallContext withInteraction(Interaction interaction) {
        return new CallContext(client, token, access, deadline, interaction, journal);
    }

    /** The same caller, for one call whose every Hook0 request is noted in {@code journal}. */
    public CallContext withJournal(Hook0Journal journal) {
        return new CallContext(client, token, access, deadline, interaction, journal);
    }

    /**
     * Sends one request with the caller's token. A 403 {@code AuthInvalidBiscuit} means Hook0 no longer accepts
     * the token itself (revoked): the caller's access is told, so the tool list can follow.
     */
    public Hook0Response send(Hook0Request request) throws Hook0TransportException {
        Hook0Response response = client.send(request, token, deadline, journal);
        if (response.status() == 403
                && response.problem().map(p -> "AuthInvalidBiscuit".equals(p.id())).orElse(false)) {
            access.tokenRejected();
        }
        return response;
    }

    /**
     * Who is calling, to bind something handed out to this caller (the SHA-256 of the token: never the token).
     */
    public String callerKey() {
        return TokenFingerprint.full(token);
    }

    /** {@code outcome} with this caller's token taken out wherever an answer echoed it ({@link TokenEcho}). */
    public ToolOutcome withoutToken(ToolOutcome outcome) {
        return TokenEcho.mask(outcome, token);
    }

    /** {@code text} (e.g. a protocol error quoting what the caller sent) with this caller's token masked. */
    public String withoutToken(String text) {
        return TokenEcho.mask(text, token);
    }

    public Interaction interaction() {
        return interaction;
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

package dev.hook0mcp.server.access;

import dev.hook0mcp.server.access.AccessReport.Mode;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.TokenFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the server established about one token, built once from its {@link AccessReport}: what the token's text
 * says, the signature check, the mode, every tool on or off with the reason, and the warnings. Every rendering
 * reads it — get_token_info ({@code TokenInfoHandler}), the server instructions ({@code ServerInstructions}), the
 * review_token_access prompt, {@code check} and {@code attenuate} ({@link TerminalReport}) and the log
 * ({@link TokenInfoLog}). It holds no token text.
 *
 * @param organizationId       the token's organization; empty when the token could not be read
 * @param applicationId        the one application the token is restricted to; empty: every application
 * @param expiresAt            when Hook0 starts refusing the token; empty: never
 * @param attenuationBlocks    blocks after the authority block (0 for a root token or an unreadable one)
 * @param actionAllowList      the actions the token's checks allow, when it has an allow-list
 * @param signature            the signature check against the instance's public key
 * @param mode                 full, read-only, custom or unusable
 * @param problem              why the token is unusable; empty when it is usable
 * @param instanceReachable    whether Hook0 answered at start-up
 * @param apiProblem           why HOOK0_API_URL is not a Hook0 API; empty when it is one
 * @param tools                every catalogue tool, on or off, with the reason
 * @param warnings             what a person should know about the decision (probe budgets, slow Hook0, ...)
 * @param uninterpretedDatalog the token holds Datalog this server does not interpret
 * @param rootTokenHint        for a usable root token: how to make a narrower one
 */
public record TokenInfo(
        Optional<UUID> organizationId,
        Optional<UUID> applicationId,
        Optional<Instant> expiresAt,
        int attenuationBlocks,
        Optional<Set<String>> actionAllowList,
        SignatureCheck signature,
        Mode mode,
        Optional<String> problem,
        boolean instanceReachable,
        Optional<String> apiProblem,
        List<ToolSurface.Decision> tools,
        List<String> warnings,
        boolean uninterpretedDatalog,
        Optional<String> rootTokenHint) {

    /**
     * What the user does about an unusable token, wherever it came from. A client's own health check cannot tell:
     * it shows this server connected whatever the token, so the way to confirm a token is {@code check}.
     */
    public static final String UNUSABLE_TOKEN_FIX = "Give hook0-mcp a working service token: create one in the Hook0"
            + " dashboard (Organization → Service Tokens → Create; attenuate it to one application, an expiry or"
            + " read-only if you like), put it in HOOK0_API_TOKEN (or in a file named by HOOK0_API_TOKEN_FILE) in"
            + " this MCP client's configuration of hook0-mcp — over HTTP without a configured token, send it as"
            + " Authorization: Bearer — and restart the server. Confirm it first in a terminal with"
            + " `java -jar hook0-mcp.jar check`: the client showing this server as connected only means it started.";

    static final String UNINTERPRETED_DATALOG = "the token holds Datalog this server does not interpret; the tool"
            + " list comes from Hook0's own answers to probes";

    public TokenInfo {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(actionAllowList, "actionAllowList");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(apiProblem, "apiProblem");
        tools = List.copyOf(tools);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(rootTokenHint, "rootTokenHint");
    }

    /** The record for one decision: {@code facts} is null when the token could not be read. */
    static TokenInfo of(TokenFacts facts, String problem, SignatureCheck signature, boolean instanceReachable,
            String apiProblem, Mode mode, ToolSurface surface, List<String> warnings) {
        Optional<TokenFacts> read = Optional.ofNullable(facts);
        return new TokenInfo(
                read.map(TokenFacts::organizationId),
                read.flatMap(TokenFacts::applicationRestriction),
                read.flatMap(TokenFacts::expiresAt),
                read.map(TokenFacts::attenuationBlocks).orElse(0),
                read.flatMap(TokenFacts::actionAllowList),
                signature, mode, Optional.ofNullable(problem), instanceReachable, Optional.ofNullable(apiProblem),
                surface.decisions(), warnings,
                read.map(TokenFacts::hasUnrecognizedStatements).orElse(false),
                problem == null ? LeastPrivilegeHint.forToken(facts) : Optional.empty());
    }

    /** The names of the tools this token gets, in catalogue order. */
    public List<String> enabledNames() {
        return tools.stream().filter(ToolSurface.Decision::enabled).map(d -> d.tool().name()).toList();
    }

    public boolean isEnabled(String name) {
        return tools.stream().anyMatch(d -> d.enabled() && d.tool().name().equals(name));
    }

    /** For an unusable token: what the user does about it ({@link #UNUSABLE_TOKEN_FIX}). */
    public Optional<String> fix() {
        return problem.map(p -> UNUSABLE_TOKEN_FIX);
    }

    /** "12 of 30": how many tools are on, of how many. */
    public String toolCount() {
        return enabledNames().size() + " of " + tools.size();
    }

    /** Usable: the token is valid and at least one Hook0 tool is on. */
    public boolean usable() {
        return problem.isEmpty() && tools.stream().anyMatch(d -> d.enabled() && d.tool().action() != null);
    }

    /** Healthy, as {@code check} reports it: Hook0 answered as Hook0 and the token is usable. */
    public boolean healthy() {
        return usable() && instanceReachable && apiProblem.isEmpty();
    }

    /** "verified", "invalid" or "unchecked". */
    public String signatureStatus() {
        return signature.status().name().toLowerCase();
    }

    /** How to narrow this token: the command for a root token, the dashboard's way otherwise. */
    public String leastPrivilegeHint() {
        return rootTokenHint.orElse(LeastPrivilegeHint.ATTENUATE_IN_DASHBOARD);
    }

    /** What an assistant is told besides the facts: the warnings, then the least-privilege hint. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(warnings);
        if (uninterpretedDatalog) {
            notes.add(UNINTERPRETED_DATALOG);
        }
        notes.add(leastPrivilegeHint());
        return List.copyOf(notes);
    }
}

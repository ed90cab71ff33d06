package dev.hook0mcp.server.access;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.server.access.ProbeOutcome.Verdict;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.TokenFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision for one token: every catalogue tool on or off with its reason, the token's mode, and the facts
 * behind it. The server lists its {@link #surface()}; get_token_info, the instructions, the prompt, {@code check}
 * and the log render its {@link #tokenInfo()}. It holds no token text.
 */
public final class AccessReport implements CallerAccess {

    /** full: every action of its scope; read-only: no write action; custom: anything in between. */
    public enum Mode {
        FULL("full"),
        READ_ONLY("read-only"),
        CUSTOM("custom"),
        UNUSABLE("unusable");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final TokenFacts facts;
    private final ToolSurface surface;
    private final TokenInfo info;

    private AccessReport(TokenFacts facts, ToolSurface surface, TokenInfo info) {
        this.facts = facts;
        this.surface = surface;
        this.info = info;
    }

    static AccessReport decide(ToolCatalog catalog, ToolSelection selection, TokenFacts facts, String problem,
            SignatureCheck signature, boolean instanceReachable, String apiProblem,
            Map<String, ProbeOutcome> verdicts, List<String> notes) {
        boolean appRestricted = facts != null && facts.applicationRestriction().isPresent();
        Mode mode = problem != null ? Mode.UNUSABLE : mode(catalog, facts, verdicts, appRestricted);
        List<ToolSurface.Decision> decisions = new ArrayList<>();
        for (ToolDefinition tool : catalog.tools()) {
            decisions.add(decideTool(tool, selection, facts, problem, verdicts, appRestricted, mode));
        }
        TokenDefaults defaults = facts == null ? TokenDefaults.NONE : new TokenDefaults(
                facts.organizationId().toString(), facts.applicationRestriction().map(UUID::toString).orElse(null));
        ToolSurface surface = new ToolSurface(decisions, defaults);
        return new AccessReport(facts, surface,
                TokenInfo.of(facts, problem, signature, instanceReachable, apiProblem, mode, surface, notes));
    }

    private static ToolSurface.Decision decideTool(ToolDefinition tool, ToolSelection selection, TokenFacts facts,
            String problem, Map<String, ProbeOutcome> verdicts, boolean appRestricted, Mode mode) {
        var hidden = selection.hiddenBecause(tool);
        if (hidden.isPresent()) {
            return new ToolSurface.Decision(tool, false, hidden.get());
        }
        if (tool.action() == null) {
            return new ToolSurface.Decision(tool, true, "needs no Hook0 permission");
        }
        if (problem != null) {
            return new ToolSurface.Decision(tool, false, "unusable token: " + problem);
        }
        if (appRestricted && tool.scope() == ToolScope.ORGANIZATION) {
            return new ToolSurface.Decision(tool, false, "the token is restricted to application "
                    + facts.applicationRestriction().orElseThrow() + ", and Hook0 refuses organization-level actions"
                    + " (" + tool.action() + ") to such tokens");
        }
        ProbeOutcome outcome = verdicts.get(tool.action());
        if (outcome == null || outcome.verdict() == Verdict.UNKNOWN) {
            String evidence = outcome == null ? "not probed" : outcome.evidence();
            if (facts != null && !facts.allowListPermits(tool.action())) {
                return new ToolSurface.Decision(tool, false, "the token's action allow-list does not include "
                        + tool.action() + " (Hook0 could not be asked: " + evidence + ")");
            }
            return new ToolSurface.Decision(tool, true, tool.action() + " could not be confirmed (" + evidence
                    + "); offered, and Hook0 still enforces each call");
        }
        if (outcome.verdict() == Verdict.EXCLUDED) {
            return new ToolSurface.Decision(tool, false, mode.label() + " token: " + tool.action()
                    + " is not allowed (" + outcome.evidence() + ")");
        }
        if (outcome.verdict() == Verdict.ALLOWED) {
            return new ToolSurface.Decision(tool, true, tool.action() + " allowed (" + outcome.evidence() + ")");
        }
        return new ToolSurface.Decision(tool, false, mode.label() + " token: " + tool.action()
                + " is not allowed (Hook0 answered a side-effect-free probe: " + outcome.evidence() + ")");
    }

    private static Mode mode(ToolCatalog catalog, TokenFacts facts, Map<String, ProbeOutcome> verdicts,
            boolean appRestricted) {
        boolean anyWrite = false;
        boolean all = true;
        for (ToolDefinition tool : catalog.tools()) {
            if (tool.action() == null || (appRestricted && tool.scope() == ToolScope.ORGANIZATION)) {
                continue;
            }
            ProbeOutcome outcome = verdicts.get(tool.action());
            boolean allowed = outcome == null || outcome.verdict() == Verdict.ALLOWED
                    || (outcome.verdict() == Verdict.UNKNOWN && (facts == null || facts.allowListPermits(tool.action())));
            all &= allowed;
            anyWrite |= allowed && !tool.isRead();
        }
        return all ? Mode.FULL : anyWrite ? Mode.CUSTOM : Mode.READ_ONLY;
    }

    @Override
    public ToolSurface surface() {
        return surface;
    }

    @Override
    public TokenInfo tokenInfo() {
        return info;
    }

    public Mode mode() {
        return info.mode();
    }

    /** Why the token is unusable, or null. */
    public String problem() {
        return info.problem().orElse(null);
    }

    public List<String> notes() {
        return info.warnings();
    }

    /** What the token's text says; null when it could not be read. */
    public TokenFacts facts() {
        return facts;
    }

    /** Usable: the token is valid and at least one Hook0 tool is on. */
    public boolean usable() {
        return info.usable();
    }
}

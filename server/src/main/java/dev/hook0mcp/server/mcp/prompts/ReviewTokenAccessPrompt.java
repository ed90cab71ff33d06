package dev.hook0mcp.server.mcp.prompts;

import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.server.access.TokenInfo;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.engine.CallContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** review_token_access: what this token can do and how to narrow it; offered to every token, takes no argument. */
public final class ReviewTokenAccessPrompt implements Hook0Prompt {

    public static final String NAME = "review_token_access";

    /** Hook0's documented read-only claim (how-to guide "manage service tokens"). */
    public static final String READ_ONLY_CLAIM = Hook0Actions.standard().readOnlyClaimDatalog();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<McpSchema.Prompt> offered(ToolSurface surface) {
        return Optional.of(new McpSchema.Prompt(NAME, "Review token access",
                "What this server's Hook0 token can do, and how to narrow a token to least privilege.", List.of()));
    }

    @Override
    public String text(PromptArguments arguments, CallContext context) {
        return render(context.access().tokenInfo());
    }

    public static String render(TokenInfo info) {
        StringBuilder s = new StringBuilder();
        s.append("Review what the Hook0 service token of this MCP server can do, then advise how to narrow it to"
                + " least privilege.\n\nWhat the server established about the token (the token itself is never"
                + " shown):\n");
        s.append("- organization: ").append(info.organizationId().map(Object::toString).orElse("unknown"))
                .append('\n');
        s.append("- application: ").append(info.applicationId()
                .map(a -> "restricted to " + a + " (organization-level actions are refused)")
                .orElse("not restricted: every application of the organization")).append('\n');
        s.append("- expiry: ").append(info.expiresAt().map(Object::toString).orElse("none")).append('\n');
        s.append("- attenuation blocks: ").append(info.attenuationBlocks()).append('\n');
        s.append("- mode: ").append(info.mode().label()).append('\n');
        info.problem().ifPresent(p -> s.append("- problem: ").append(p).append('\n'));
        info.actionAllowList().ifPresent(actions -> s.append("- action allow-list: ")
                .append(String.join(", ", actions)).append('\n'));
        List<String> on = info.enabledNames();
        s.append("- tools offered (").append(info.toolCount()).append("): ")
                .append(on.isEmpty() ? "none" : String.join(", ", on)).append('\n');
        Map<String, String> off = new LinkedHashMap<>();
        for (ToolSurface.Decision d : info.tools()) {
            if (!d.enabled()) {
                String action = d.tool().action() == null ? "(no Hook0 action)" : d.tool().action();
                off.merge(action, d.reason(), (a, b) -> a.equals(b) ? a : a + "; " + b);
            }
        }
        if (!off.isEmpty()) {
            s.append("- not offered, by Hook0 action:\n");
            off.forEach((action, reason) -> s.append("  - ").append(action).append(": ").append(reason).append('\n'));
        }
        if (info.isEnabled("get_token_info")) {
            s.append("get_token_info returns the same, tool by tool.\n");
        }
        s.append("\nExplain to the user in plain words what an assistant using this server can and cannot do (read,"
                + " change, delete, send events; which applications), and whether that is more than their tasks"
                + " need.\n\nHow to narrow a token: in the Hook0 dashboard, Organization → Service Tokens, attenuate"
                + " the token. Attenuating makes a new, narrower token from it; combine as needed:\n"
                + "- one application: adds check if application_id(hex:<the application id without dashes>);"
                + " organization-level actions (listing or creating applications) are then refused;\n"
                + "- an expiry: adds check if time($t), $t < <date>;\n"
                + "- read-only: paste Hook0's documented read-only claim as custom Datalog:\n  ")
                .append(READ_ONLY_CLAIM)
                .append("\n  (add \"event:ingest\" to the list to let the assistant send events too).\n"
                        + "Then give the new token to this server (HOOK0_API_TOKEN) and restart it: the server checks"
                        + " the token with Hook0 and offers exactly what it allows (HOOK0_READ_ONLY=true is an extra"
                        + " server-side ceiling). An attenuated token cannot be revoked on its own: deleting a service"
                        + " token revokes it and every token made from it, so give each assistant its own service"
                        + " token.");
        return s.toString();
    }
}

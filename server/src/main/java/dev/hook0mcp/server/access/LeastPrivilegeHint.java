package dev.hook0mcp.server.access;

import dev.hook0mcp.server.token.TokenFacts;
import java.util.Optional;

/**
 * How to narrow a token. A root service token (no attenuation block) may do everything in its organization,
 * service tokens included: its nudge names the command that makes a narrower token, never the token.
 */
public final class LeastPrivilegeHint {

    /** Hook0's recipe for an AI assistant: one application, 30 days. The token is read from the environment. */
    public static final String COMMAND =
            "java -jar hook0-mcp.jar attenuate --application <application-id> --expires 30d > narrower-token.txt";

    /** The hint for any other token: how to narrow it further. */
    public static final String ATTENUATE_IN_DASHBOARD = "To narrow a token: in Service Tokens, attenuate it to one"
            + " application, an expiry, or the read-only claim; this server then offers exactly what the new token"
            + " allows.";

    private LeastPrivilegeHint() {}

    /** The sentence for a root token; empty for an attenuated one (or an unreadable one). */
    public static Optional<String> forToken(TokenFacts facts) {
        if (facts == null || facts.isAttenuated()) {
            return Optional.empty();
        }
        return Optional.of("This is a root service token: it has full access to organization "
                + facts.organizationId() + ", service tokens included. To give an assistant less, make a narrower"
                + " token (attenuate reads this one from HOOK0_API_TOKEN or stdin; add --read-only to keep it from"
                + " changing anything): " + COMMAND + " — then configure the server with the new token.");
    }
}

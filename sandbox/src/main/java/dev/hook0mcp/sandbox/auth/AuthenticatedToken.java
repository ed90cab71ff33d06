package dev.hook0mcp.sandbox.auth;

import java.util.UUID;
import org.biscuitsec.biscuit.token.Biscuit;

/** A verified Biscuit whose root is live, with the organization its root was minted for. */
public record AuthenticatedToken(Biscuit biscuit, UUID organizationId) {

    @Override
    public String toString() {
        return "AuthenticatedToken[organizationId=" + organizationId + "]";
    }
}

package dev.hook0mcp.sandbox;

import dev.hook0mcp.sandbox.auth.TokenMinter;
import dev.hook0mcp.sandbox.store.SandboxClock;
import java.util.List;
import java.util.UUID;

/** Mints, attenuates and revokes tokens of the sandbox's seeded organization. */
public final class SandboxTokens {

    private final TokenMinter minter;
    private final UUID organizationId;
    private final SandboxClock clock;

    SandboxTokens(TokenMinter minter, UUID organizationId, SandboxClock clock) {
        this.minter = minter;
        this.organizationId = organizationId;
        this.clock = clock;
    }

    /** A new root service token for the seeded organization, registered as live. */
    public String mintRoot() {
        return minter.mintRoot(organizationId, clock.nowSeconds());
    }

    /** The token with one more block holding the attenuation's checks. */
    public String attenuate(String token, Attenuation attenuation) {
        return minter.attenuate(token, attenuation.datalogChecks());
    }

    /** Appends one block of custom Datalog checks, as a user types them in the dashboard's attenuation form. */
    public String attenuateWithChecks(String token, List<String> checks) {
        return minter.attenuate(token, checks);
    }

    /**
     * Revokes the root a token derives from: from now on it and every derivative get 403
     * {@code AuthInvalidBiscuit}.
     *
     * @return whether a live root was revoked
     */
    public boolean revoke(String rootToken) {
        return minter.revoke(rootToken);
    }
}

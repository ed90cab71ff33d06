package dev.hook0mcp.sandbox.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hook0's {@code iam.token} table reduced to what the middleware reads: the revocation id of each live
 * root token (hex of block 0's revocation identifier) and its organization.
 */
public final class RootTokenRegistry {

    private final Map<String, UUID> live = new ConcurrentHashMap<>();

    public void register(String rootRevocationIdHex, UUID organizationId) {
        live.put(rootRevocationIdHex, organizationId);
    }

    /** The organization of a live root, or empty when unknown or revoked. */
    public Optional<UUID> organizationOf(String rootRevocationIdHex) {
        return Optional.ofNullable(live.get(rootRevocationIdHex));
    }

    /** @return whether a live root was revoked */
    public boolean revoke(String rootRevocationIdHex) {
        return live.remove(rootRevocationIdHex) != null;
    }
}

package dev.hook0mcp.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.biscuitsec.biscuit.crypto.PublicKey;
import org.biscuitsec.biscuit.token.Biscuit;

/**
 * Hook0's Biscuit middleware ({@code middleware_biscuit.rs}) for one {@code Authorization} value: the
 * case-sensitive {@code "Bearer "} prefix is optional, nothing is trimmed, the signature of every block is
 * checked against the root key, and block 0's revocation id must belong to a live root.
 *
 * <p>A token's signatures never change, so each distinct token is verified once and remembered (Ed25519 in pure
 * Java was most of the cost of a request); its root's revocation is still looked up on every request, and expiry
 * and every other check are the authorizer's, per request.
 */
public final class BearerAuthenticator {

    private static final String PREFIX = "Bearer ";

    /** Why a header was refused. */
    public enum Failure { NO_HEADER, INVALID_HEADER, INVALID_BISCUIT }

    /** Either a token or a failure. */
    public record Result(AuthenticatedToken token, Failure failure) {
    }

    /** Distinct tokens remembered as verified; the least recently used is forgotten beyond this. */
    static final int MAX_VERIFIED = 1024;

    private final PublicKey rootPublicKey;
    private final RootTokenRegistry registry;
    private final Map<String, Biscuit> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Biscuit> eldest) {
            return size() > MAX_VERIFIED;
        }
    };

    public BearerAuthenticator(PublicKey rootPublicKey, RootTokenRegistry registry) {
        this.rootPublicKey = rootPublicKey;
        this.registry = registry;
    }

    public Result authenticate(String headerValue) {
        if (headerValue == null) {
            return new Result(null, Failure.NO_HEADER);
        }
        if (!isVisibleAscii(headerValue)) {
            return new Result(null, Failure.INVALID_HEADER);
        }
        String token = headerValue.startsWith(PREFIX) ? headerValue.substring(PREFIX.length()) : headerValue;
        Biscuit biscuit = verified(token);
        if (biscuit == null) {
            return new Result(null, Failure.INVALID_BISCUIT);
        }
        Optional<UUID> organization = registry.organizationOf(TokenMinter.rootRevocationId(biscuit));
        return organization
                .map(org -> new Result(new AuthenticatedToken(biscuit, org), null))
                .orElseGet(() -> new Result(null, Failure.INVALID_BISCUIT));
    }

    /** The token parsed with its signatures verified against the root key; null when it is not a valid Biscuit. */
    private Biscuit verified(String token) {
        synchronized (verified) {
            Biscuit known = verified.get(token);
            if (known != null) {
                return known;
            }
        }
        Biscuit biscuit;
        try {
            biscuit = Biscuit.from_b64url(token, rootPublicKey);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
        synchronized (verified) {
            verified.put(token, biscuit);
        }
        return biscuit;
    }

    /** actix's {@code HeaderValue::to_str}: visible ASCII, space and tab only. */
    private static boolean isVisibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }
}

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
 * <p>A token text whose signatures were checked once is remembered ({@link #VERIFIED}, least recently used
 * forgotten first): the check is a pure function of the text and the root key, and it is most of the work of a
 * request (a probe run sends the same token dozens of times). Whether its root is still live is asked every time,
 * and the token's checks (expiry included) run per request in {@link Hook0Authorizer}.
 */
public final class BearerAuthenticator {

    private static final String PREFIX = "Bearer ";

    /** Why a header was refused. */
    public enum Failure { NO_HEADER, INVALID_HEADER, INVALID_BISCUIT }

    /** Either a token or a failure. */
    public record Result(AuthenticatedToken token, Failure failure) {
    }

    /** Token texts whose verified Biscuit is kept. */
    static final int VERIFIED = 1_000;

    private final PublicKey rootPublicKey;
    private final RootTokenRegistry registry;
    private final Map<String, Biscuit> verified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Biscuit> eldest) {
            return size() > VERIFIED;
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

    /** The token verified against the root key (checked once per text), or null when it does not verify. */
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

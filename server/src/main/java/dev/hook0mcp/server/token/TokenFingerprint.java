package dev.hook0mcp.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short SHA-256 fingerprint of a token: safe to print and to use as a cache key, useless as a credential. */
public final class TokenFingerprint {

    private TokenFingerprint() {}

    public static String of(String token) {
        return "sha256:" + full(token).substring(0, 12);
    }

    /**
     * The audit log's fingerprint: the first 16 hex digits of the SHA-256 of the token as sent (UTF-8, no
     * surrounding blanks), so {@code printf %s "$TOKEN" | sha256sum | cut -c1-16} finds a token's records.
     */
    public static String audit(String token) {
        return full(token).substring(0, 16);
    }

    /** The whole SHA-256 in hex: the HTTP transport computes it for every request, to find the caller's endpoint. */
    public static String full(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.strip().getBytes(StandardCharsets.UTF_8)));
    }

    // MessageDigest.getInstance looks the algorithm up among the security providers each time, several times the
    // cost of hashing a token; a digest is reset by digest(), so each thread keeps one
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}

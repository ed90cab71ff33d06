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

    public static String full(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

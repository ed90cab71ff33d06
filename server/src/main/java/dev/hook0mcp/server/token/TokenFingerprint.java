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

    public static String full(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.hook0mcp.server.token;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The token as text, the way users paste it. One place strips a pasted {@code Bearer } prefix (any case, any
 * surrounding whitespace, once), so Hook0 always receives exactly {@code Authorization: Bearer <token>}; and one
 * place decides whether a piece of text looks like a token, so it is never echoed in an error message.
 */
public final class TokenText {

    /** What an error message says instead of a value that looks like a token. */
    public static final String NOT_SHOWN = "value not shown: it looks like a token";

    /** More than this is not a token (Hook0's are a few kilobytes at most): a file or stdin read stops here. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Shortest run of base64url/base64 characters taken for a token: Biscuit tokens are hundreds long. */
    static final int MIN_TOKEN_LENGTH = 40;

    private static final Pattern BEARER = Pattern.compile("^(?i:bearer)(?:\\s+|$)");
    private static final Pattern TOKENISH = Pattern.compile("[A-Za-z0-9_\\-+/]{" + MIN_TOKEN_LENGTH + ",}={0,2}");

    private TokenText() {}

    /**
     * The token to send: surrounding whitespace and one pasted {@code Bearer } prefix removed; null when nothing
     * is left (or {@code text} is null).
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String token = BEARER.matcher(text.strip()).replaceFirst("").strip();
        return token.isEmpty() ? null : token;
    }

    /**
     * The token of an HTTP {@code Authorization} header: the {@code Bearer} scheme removed, then {@link #normalize}
     * (a client configured with {@code "Bearer <token>"} as its token sends {@code Bearer Bearer <token>}).
     */
    public static String fromAuthorizationHeader(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!BEARER.matcher(value).find()) {
            return normalize(value);
        }
        return normalize(BEARER.matcher(value).replaceFirst(""));
    }

    /**
     * Whether {@code text} might be a token (or a token with {@code Bearer } in front): a long run of base64
     * characters, or anything a Biscuit reader accepts. Paths starting with {@code /}, {@code ./} or {@code ~} are
     * not taken for tokens.
     */
    public static boolean looksLikeToken(String text) {
        String t = normalize(text);
        if (t == null) {
            return false;
        }
        if (t.startsWith("/") || t.startsWith("./") || t.startsWith("../") || t.startsWith("~")) {
            return false;
        }
        if (TOKENISH.matcher(t).matches()) {
            return true;
        }
        if (t.length() < 16 || t.toLowerCase(Locale.ROOT).startsWith("--")) {
            return false;
        }
        try {
            TokenBytes.decode(t);
            return BiscuitDecoder.decode(TokenBytes.decode(t)) != null;
        } catch (TokenFormatException | RuntimeException e) {
            return false;
        }
    }

    /** {@code 'text'} for an error message, or {@link #NOT_SHOWN} in parentheses when it looks like a token. */
    public static String quoted(String text) {
        return looksLikeToken(text) ? "(" + NOT_SHOWN + ")" : "'" + text + "'";
    }
}

package dev.hook0mcp.server.token;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Turns the token as a user supplies it into the Biscuit's bytes.
 *
 * <p>Tolerates surrounding whitespace, a leading {@code Bearer } (any case), the URL-safe alphabet Hook0 uses
 * and the standard one, with or without {@code =} padding.
 */
public final class TokenBytes {

    private static final Pattern BEARER = Pattern.compile("^(?i:bearer)(\\s+|$)");
    private static final Pattern JWT = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");

    private TokenBytes() {
    }

    public static byte[] decode(String token) throws TokenFormatException {
        if (token == null) {
            throw new TokenFormatException("no token given");
        }
        String text = BEARER.matcher(token.strip()).replaceFirst("").strip();
        if (text.isEmpty()) {
            throw new TokenFormatException("no token given: the value is empty");
        }
        if (JWT.matcher(text).matches()) {
            throw new TokenFormatException("not a Biscuit token: it looks like a JWT (dot-separated parts); "
                    + "a Hook0 service token is a Biscuit token");
        }
        String urlSafe = text.replace('+', '-').replace('/', '_');
        int end = urlSafe.length();
        while (end > 0 && urlSafe.charAt(end - 1) == '=') {
            end--;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(urlSafe.substring(0, end));
        } catch (IllegalArgumentException e) {
            throw new TokenFormatException("not a Biscuit token (base64 decoding failed)");
        }
        if (bytes.length == 0) {
            throw new TokenFormatException("not a Biscuit token (base64 decoding gave no bytes)");
        }
        return bytes;
    }
}

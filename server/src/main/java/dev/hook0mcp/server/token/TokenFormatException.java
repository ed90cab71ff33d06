package dev.hook0mcp.server.token;

/**
 * The token text is not a readable Hook0 service token.
 *
 * <p>The message names the cause (e.g. "not a Biscuit token (base64 decoding failed)") and never contains
 * the token text or any part of it; there is deliberately no cause attached, so no library message that might
 * quote the input can leak through a stack trace.
 */
public final class TokenFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenFormatException(String message) {
        super(message);
    }
}

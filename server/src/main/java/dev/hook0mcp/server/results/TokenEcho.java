package dev.hook0mcp.server.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;

/**
 * Takes the caller's own token out of a result. Hook0, a proxy in front of it or a page at a wrong
 * HOOK0_API_URL may echo the request's Authorization header in an error body, and the error result quotes that
 * body. The token is masked whole, and so is any run of at least {@value #MIN_RUN} of its first characters (an
 * excerpt cut short). Other long base64 text (event payloads) stays as it is.
 */
public final class TokenEcho {

    static final int MIN_RUN = 24;
    static final String MASK = "[the caller's token, removed]";

    private TokenEcho() {}

    public static ToolOutcome mask(ToolOutcome outcome, String token) {
        if (token == null || token.length() < MIN_RUN || !outcome.text().contains(token.substring(0, MIN_RUN))) {
            return outcome;
        }
        // member names too, as in the text, which is the same JSON written out
        ObjectNode structured = (ObjectNode) Json.mapStrings(outcome.structured(), k -> mask(k, token),
                v -> mask(v, token));
        return new ToolOutcome(outcome.kind(), structured, mask(outcome.text(), token));
    }

    /** {@code text} with the token (or a run of its first characters) masked; {@code text} when it holds none. */
    public static String mask(String text, String token) {
        if (text == null || token == null || token.length() < MIN_RUN) {
            return text;
        }
        String start = token.substring(0, MIN_RUN);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, from)) {
            int end = at + MIN_RUN;
            while (end < text.length() && end - at < token.length() && text.charAt(end) == token.charAt(end - at)) {
                end++;
            }
            out.append(text, from, at).append(MASK);
            from = end;
        }
        return out.append(text, from, text.length()).toString();
    }
}

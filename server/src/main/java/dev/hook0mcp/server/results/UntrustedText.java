package dev.hook0mcp.server.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.server.json.Json;

/**
 * Text written by outside parties (event producers, webhook receivers) reaches the assistant as data. Characters
 * that hide or reorder text — zero-width and other format characters, bidi controls, private-use characters,
 * control characters other than tab and newline — are removed so what the assistant reads is what a person sees.
 */
public final class UntrustedText {

    private UntrustedText() {}

    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (hidden(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    static boolean hidden(int cp) {
        if (cp == '\n' || cp == '\t' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT // zero-width, bidi embeddings/overrides/isolates, BOM, tags
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }

    /** Cleans every string inside a JSON value. */
    public static JsonNode cleanNode(JsonNode node) {
        return Json.mapStrings(node, UntrustedText::clean, UntrustedText::clean);
    }
}

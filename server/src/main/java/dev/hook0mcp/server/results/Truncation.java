package dev.hook0mcp.server.results;

/** The explicit marker left where text was cut. */
public final class Truncation {

    private Truncation() {}

    static String marker(int omittedChars) {
        return marker(omittedChars, null);
    }

    private static String marker(int omittedChars, String hint) {
        return " …[truncated: " + omittedChars + " more characters" + (hint == null ? "" : "; " + hint) + "]";
    }

    /** {@code text} if it has at most {@code max} characters, else its first {@code max} and the marker. */
    public static String cut(String text, int max) {
        return cut(text, max, null);
    }

    /** As {@link #cut(String, int)}, the marker saying where the rest is ({@code hint}). */
    public static String cut(String text, int max, String hint) {
        return text.length() <= max ? text : text.substring(0, max) + marker(text.length() - max, hint);
    }
}

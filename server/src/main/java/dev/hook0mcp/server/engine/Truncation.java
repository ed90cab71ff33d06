package dev.hook0mcp.server.engine;

/** The explicit marker left where text was cut. */
final class Truncation {

    private Truncation() {}

    static String marker(int omittedChars) {
        return " …[truncated: " + omittedChars + " more characters]";
    }
}

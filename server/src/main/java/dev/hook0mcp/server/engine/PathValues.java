package dev.hook0mcp.server.engine;

/**
 * Guards values that go into a URL path. The client percent-encodes them, but a value that is a dot segment or
 * carries a separator could still make the request reach another route, so such values are refused before any
 * request is made.
 */
final class PathValues {

    private PathValues() {}

    static String check(String argument, String value) {
        if (value.isEmpty()) {
            throw new ArgumentException("argument '" + argument + "' must not be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new ArgumentException("argument '" + argument + "' must not be a dot segment ('" + value + "')");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\') {
                throw new ArgumentException("argument '" + argument + "' must not contain '" + c + "'");
            }
            if (c == '%') {
                throw new ArgumentException("argument '" + argument
                        + "' must not contain '%': give the plain value, the server encodes it");
            }
            if (c == '?' || c == '#') {
                throw new ArgumentException("argument '" + argument + "' must not contain '" + c + "'");
            }
            if (Character.isISOControl(c)) {
                throw new ArgumentException("argument '" + argument + "' must not contain control characters");
            }
        }
        return value;
    }
}

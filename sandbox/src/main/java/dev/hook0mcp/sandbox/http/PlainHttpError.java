package dev.hook0mcp.sandbox.http;

/**
 * actix's own errors, which are not problem+json: query deserialization (400) and path parameters that
 * do not parse (404), answered as text/plain.
 */
public final class PlainHttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public PlainHttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static PlainHttpError query(String message) {
        return new PlainHttpError(400, "Query deserialize error: " + message);
    }

    public static PlainHttpError path(String message) {
        return new PlainHttpError(404, message);
    }
}

package dev.hook0mcp.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request the sandbox answered, as received: method, raw path, raw query (null when absent), headers
 * (names lower-cased, values exactly as sent, Authorization included), body as UTF-8 text, and the status
 * it got.
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                              String body, int status) {

    public RecordedRequest {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** First value of a header, case-insensitive name; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The exact Authorization value sent, or null. */
    public String authorization() {
        return header("authorization");
    }

    /** Deliberately omits header values: they carry tokens. */
    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status;
    }
}

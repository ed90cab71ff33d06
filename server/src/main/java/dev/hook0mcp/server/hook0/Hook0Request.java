package dev.hook0mcp.server.hook0;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One request to the Hook0 API.
 *
 * @param method       HTTP method
 * @param pathSegments path segments after the host, unencoded (e.g. ["api","v1","events","<uuid>","replay"]);
 *                     the client percent-encodes each one
 * @param query        query parameters in order, unencoded
 * @param body         JSON body, or null for none (then no Content-Type is sent)
 */
public record Hook0Request(String method, List<String> pathSegments, List<Map.Entry<String, String>> query, JsonNode body) {

    public Hook0Request {
        pathSegments = List.copyOf(pathSegments);
        query = List.copyOf(query);
    }

    public static Hook0Request get(List<String> pathSegments, List<Map.Entry<String, String>> query) {
        return new Hook0Request("GET", pathSegments, query, null);
    }

    /** Whether repeating the request cannot change the outcome (only those are retried). */
    public boolean idempotent() {
        return isIdempotent(method);
    }

    public static boolean isIdempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** "GET /api/v1/events" — for logs and messages; never holds secrets. */
    public String describe() {
        return method + " /" + String.join("/", pathSegments);
    }
}

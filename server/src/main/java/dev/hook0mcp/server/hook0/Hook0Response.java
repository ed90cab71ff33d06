package dev.hook0mcp.server.hook0;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hook0's answer: status, headers (names lower-cased) and body text; {@code notRetried} says why a retryable
 * answer was handed up instead of retried (null otherwise).
 */
public record Hook0Response(int status, Map<String, List<String>> headers, String body, String notRetried) {

    private static final ObjectMapper JSON = dev.hook0mcp.server.json.Json.MAPPER; // numbers kept as Hook0 wrote them

    public Hook0Response {
        headers = Map.copyOf(headers);
    }

    public Hook0Response(int status, Map<String, List<String>> headers, String body) {
        this(status, headers, body, null);
    }

    Hook0Response withNotRetried(String why) {
        return new Hook0Response(status, headers, body, why);
    }

    /** The media type without parameters ("text/html"), or "no Content-Type". */
    public String contentType() {
        return header("content-type").map(v -> v.split(";", 2)[0].strip()).filter(v -> !v.isEmpty())
                .orElse("no Content-Type");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as JSON, or empty when there is none or it is not JSON. */
    public Optional<JsonNode> json() {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Hook0's RFC 7807 problem, when the body is one. */
    public Optional<Problem> problem() {
        return json().filter(n -> n.isObject() && (n.has("id") || n.has("title"))).map(Problem::from);
    }

    /** Seconds from a Retry-After header given in seconds. */
    public Optional<Long> retryAfterSeconds() {
        return header("retry-after").flatMap(v -> {
            try {
                return Optional.of(Math.max(0, Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}

package dev.hook0mcp.server.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.server.hook0.Hook0Response;

/**
 * The JSON a successful Hook0 answer must carry. Hook0 answers every object or list route with JSON; a 2xx with
 * an HTML page, a cut-off or empty body, or JSON of the wrong kind means something else answered (a wrong
 * HOOK0_API_URL, a proxy login page) or the answer was damaged — never an empty success.
 */
public final class SuccessBody {

    private SuccessBody() {}

    public static JsonNode object(Hook0Response response) {
        return expect(response, true);
    }

    public static JsonNode array(Hook0Response response) {
        return expect(response, false);
    }

    private static JsonNode expect(Hook0Response response, boolean object) {
        JsonNode json = response.json().orElseThrow(() -> new UnreadableAnswerException(response,
                "something that is not JSON (" + response.contentType() + ", " + excerpt(response.body()) + ")"));
        if (object ? !json.isObject() : !json.isArray()) {
            throw new UnreadableAnswerException(response, "JSON that is not what Hook0 answers here (a JSON "
                    + (object ? "object" : "array") + " was expected, got " + json.getNodeType().name()
                            .toLowerCase() + ")");
        }
        return json;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        String start = body.strip();
        start = start.substring(0, Math.min(start.length(), 80));
        String flat = UntrustedText.clean(start.replaceAll("\\s+", " "));
        return body.length() + " chars starting \"" + flat + (body.strip().length() > 80 ? "…" : "") + "\"";
    }

    /** A 2xx that cannot be read as the JSON expected. */
    public static final class UnreadableAnswerException extends RuntimeException {

        private final int status;

        UnreadableAnswerException(Hook0Response response, String what) {
            super("answered " + response.status() + " with " + what);
            this.status = response.status();
        }

        public int status() {
            return status;
        }
    }
}

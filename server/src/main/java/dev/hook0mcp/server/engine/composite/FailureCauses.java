package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the cause of a failed attempt in a few characters: "HTTP 500" when the receiver answered, else the error
 * Hook0 recorded in the response ("E_TIMEOUT", "E_CONNECTION", ...), read with {@code GET /responses/{id}} —
 * at most {@link #MAX_READS} reads per call, each response once; past that, "no HTTP status".
 */
final class FailureCauses {

    static final int MAX_READS = 50;
    static final String NO_STATUS = "no HTTP status";
    static final String NO_RESPONSE = "no response recorded";

    private final Route responseRoute;
    private final String applicationId;
    private final CallContext context;
    private final Map<String, JsonNode> read = new HashMap<>();
    private int unread;

    FailureCauses(Route responseRoute, String applicationId, CallContext context) {
        this.responseRoute = responseRoute;
        this.applicationId = applicationId;
        this.context = context;
    }

    String of(JsonNode attempt) throws Hook0TransportException {
        if (attempt.hasNonNull("http_response_status")) {
            return "HTTP " + attempt.get("http_response_status").asInt();
        }
        String responseId = attempt.path("response_id").asText(null);
        if (responseId == null) {
            return NO_RESPONSE;
        }
        JsonNode response = response(responseId);
        if (response == null) {
            return NO_STATUS;
        }
        if (response.hasNonNull("http_code")) {
            return "HTTP " + response.get("http_code").asInt();
        }
        return response.hasNonNull("response_error_name") ? response.get("response_error_name").asText() : NO_STATUS;
    }

    /** The stored response (read once), or null when it could not be read or the read budget is spent. */
    JsonNode response(String responseId) throws Hook0TransportException {
        if (read.containsKey(responseId)) {
            return read.get(responseId);
        }
        if (read.size() >= MAX_READS) {
            unread++;
            return null;
        }
        ObjectNode args = Json.object().put("application_id", applicationId).put("response_id", responseId);
        Hook0Response r = context.send(RequestBuilder.build(responseRoute, args));
        JsonNode body = r.isSuccess() ? r.json().filter(JsonNode::isObject).orElse(null) : null;
        read.put(responseId, body);
        return body;
    }

    /** Causes left unnamed because the read budget was spent (0 normally). */
    int unread() {
        return unread;
    }
}

package dev.hook0mcp.server.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Uuids;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.hook0.Hook0Journal;
import dev.hook0mcp.server.hook0.Hook0Request;
import java.util.Map;

/**
 * The Hook0 requests of one call as its audit record lists them: method, path (a query value is kept only when
 * it is an id; the others show their parameter name alone), status (null: no answer) and milliseconds.
 */
final class Hook0Requests implements Hook0Journal {

    private final ArrayNode requests = Json.MAPPER.createArrayNode();

    @Override
    public synchronized void sent(Hook0Request request, Integer status, long millis) {
        ObjectNode entry = requests.addObject();
        entry.put("method", request.method());
        entry.put("path", path(request));
        if (status == null) {
            entry.putNull("status");
        } else {
            entry.put("status", status);
        }
        entry.put("ms", millis);
    }

    synchronized ArrayNode toJson() {
        return requests.deepCopy();
    }

    static String path(Hook0Request request) {
        StringBuilder path = new StringBuilder();
        for (String segment : request.pathSegments()) {
            path.append('/').append(ArgumentRedaction.text(segment).asText());
        }
        char separator = '?';
        for (Map.Entry<String, String> q : request.query()) {
            path.append(separator).append(q.getKey());
            if (Uuids.isUuid(q.getValue())) {
                path.append('=').append(q.getValue());
            }
            separator = '&';
        }
        return path.toString();
    }
}

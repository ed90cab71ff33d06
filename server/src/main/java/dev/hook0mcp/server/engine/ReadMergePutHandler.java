package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.results.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.util.Map;

/**
 * A partial update over Hook0's full-replacement PUT: read the resource (routes[0]), keep every member the PUT
 * body accepts, replace those the caller gave (each one whole), and write it back (routes[1]). A secret the
 * caller passes back as the placeholder it was shown keeps its stored value ({@link RedactedPlaceholders}).
 */
final class ReadMergePutHandler implements ToolHandler {

    /** The write is the plain case: one request, its answer shaped by the catalogue. */
    private final HttpToolHandler plain;

    ReadMergePutHandler(HttpToolHandler plain) {
        this.plain = plain;
    }

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        Route read = tool.binding().routes().get(0);
        Route write = tool.binding().routes().get(1);
        Hook0Response current;
        try {
            current = context.send(RequestBuilder.build(read, arguments));
        } catch (Hook0TransportException e) {
            throw new Hook0TransportException(e.getMessage() + " (reading it ahead of the change; nothing was sent"
                    + " to change it)", e, false);
        }
        if (!current.isSuccess()) {
            return ErrorResults.fromResponse(tool, current, arguments, false);
        }
        JsonNode existing;
        try {
            existing = SuccessBody.object(current);
        } catch (SuccessBody.UnreadableAnswerException e) {
            return ErrorResults.unreadable(tool, context.client().apiUrl(), e, arguments, false);
        }
        ObjectNode body = merged((ObjectNode) existing, arguments, write);
        RedactedPlaceholders.restore(body, existing);
        return plain.exchange(tool, RequestBuilder.build(write, arguments, body), arguments, context);
    }

    static ObjectNode merged(ObjectNode existing, ObjectNode arguments, Route write) {
        ObjectNode body = Json.object();
        for (Map.Entry<String, String> e : write.body().entrySet()) {
            String member = e.getValue();
            JsonNode current = existing.get(member);
            if (current != null && !current.isNull() && !emptyList(current)) {
                body.set(member, current.deepCopy());
            }
        }
        for (Map.Entry<String, String> e : write.body().entrySet()) {
            JsonNode given = arguments.get(e.getKey());
            if (given != null && !given.isNull()) {
                body.set(e.getValue(), given.deepCopy());
            }
        }
        return body;
    }

    private static boolean emptyList(JsonNode node) {
        return node.isArray() && node.isEmpty();
    }
}

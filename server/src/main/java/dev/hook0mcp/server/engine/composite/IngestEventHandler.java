package dev.hook0mcp.server.engine.composite;

import dev.hook0mcp.catalog.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.ArgumentException;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ingest_event: makes a retry harmless and a JSON payload easy.
 * <ul>
 *   <li>no {@code event_id} → a UUIDv7 is generated and returned, so retrying the same call with that id cannot
 *       create a second event (Hook0 answers 409 EventAlreadyIngested, reported as "already ingested");</li>
 *   <li>{@code payload_json} (an object) is serialized into {@code payload}, content type application/json;</li>
 *   <li>{@code occurred_at} defaults to now.</li>
 * </ul>
 */
public final class IngestEventHandler implements ToolHandler {

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        Route route = tool.binding().routes().get(0);
        if (!arguments.hasNonNull("event_id")) {
            // In the call's own arguments, so that every error result of this call names the id to look up.
            arguments.put("event_id", Uuids.v7().toString());
        }
        ObjectNode body = body(arguments, route);
        Hook0Response response = context.send(RequestBuilder.build(route, arguments, body));
        String eventId = body.get("event_id").asText();
        String applicationId = body.path("application_id").asText();
        if (response.status() == 409 && response.problem().map(p -> "EventAlreadyIngested".equals(p.id())).orElse(false)) {
            return ToolOutcome.success(Json.object()
                    .put("application_id", applicationId)
                    .put("event_id", eventId)
                    .put("already_ingested", true)
                    .put("message", "Event " + eventId + " was already ingested; nothing was sent twice."));
        }
        if (!response.isSuccess()) {
            return ErrorResults.fromResponse(tool, response, arguments);
        }
        ObjectNode result = Json.object().put("application_id", applicationId).put("event_id", eventId);
        JsonNode receivedAt = SuccessBody.object(response).get("received_at");
        if (receivedAt != null && receivedAt.isTextual()) {
            result.put("received_at", receivedAt.asText());
        }
        result.put("message", "Event " + eventId + " ingested. To retry safely, call again with event_id="
                + eventId + "; use list_request_attempts with event_id to follow its deliveries.");
        return ToolOutcome.success(result);
    }

    static ObjectNode body(ObjectNode arguments, Route route) {
        JsonNode payload = arguments.get("payload");
        JsonNode payloadJson = arguments.get("payload_json");
        if (payload != null && payloadJson != null) {
            throw new ArgumentException("give either 'payload' (a string) or 'payload_json' (a JSON object), not both");
        }
        if (payload == null && payloadJson == null) {
            throw new ArgumentException("missing required argument 'payload' (or 'payload_json' for a JSON object)");
        }
        ObjectNode args = arguments.deepCopy();
        if (payloadJson != null) {
            String declared = args.path("payload_content_type").asText("application/json");
            if (!declared.equals("application/json")) {
                throw new ArgumentException("'payload_json' is sent as application/json, but payload_content_type is '"
                        + declared + "'");
            }
            args.remove("payload_json");
            args.put("payload", Json.compact(payloadJson));
            args.put("payload_content_type", "application/json");
        } else if (!args.has("payload_content_type")) {
            args.put("payload_content_type", "text/plain");
        }
        if (!args.hasNonNull("event_id")) {
            args.put("event_id", Uuids.v7().toString());
        }
        if (!args.hasNonNull("occurred_at")) {
            args.put("occurred_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return RequestBuilder.body(route, args);
    }
}

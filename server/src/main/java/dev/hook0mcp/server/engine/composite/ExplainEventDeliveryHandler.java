package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ResultShape;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.results.Pagination;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.results.Truncation;
import dev.hook0mcp.server.results.UntrustedText;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * explain_event_delivery: the event, every delivery attempt grouped by subscription, and the latest receiver
 * response of each, summarised with the reason of each failure. Routes (in catalogue order): the event, the
 * attempts (all pages, bounded), one response per subscription.
 */
public final class ExplainEventDeliveryHandler implements ToolHandler {

    static final int MAX_PAGES = 10;
    static final int BODY_EXCERPT_CHARS = 300;

    private final ResultShaper shaper;
    private final ResultShape eventShape;

    /** @param eventShape how the event itself is shaped (get_event's: payload decoded, outside text marked) */
    public ExplainEventDeliveryHandler(ResultShaper shaper, ResultShape eventShape) {
        this.shaper = shaper;
        this.eventShape = eventShape;
    }

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        List<Route> routes = tool.binding().routes();
        Hook0Response event = context.send(RequestBuilder.build(routes.get(0), arguments));
        if (!event.isSuccess()) {
            return ErrorResults.fromResponse(tool, event, arguments);
        }
        List<JsonNode> attempts = new ArrayList<>();
        boolean complete = false;
        ObjectNode pageArgs = arguments.deepCopy();
        for (int page = 0; page < MAX_PAGES; page++) {
            Hook0Response response = context.send(RequestBuilder.build(routes.get(1), pageArgs));
            if (!response.isSuccess()) {
                return ErrorResults.fromResponse(tool, response, arguments);
            }
            JsonNode items = SuccessBody.array(response);
            items.forEach(attempts::add);
            var cursor = Pagination.nextCursor(response);
            if (items.isEmpty() || cursor.isEmpty()) {
                complete = true;
                break;
            }
            pageArgs.put("cursor", cursor.get());
        }

        Map<String, List<JsonNode>> bySubscription = new LinkedHashMap<>();
        for (JsonNode attempt : attempts) {
            String id = attempt.path("subscription").path("subscription_id").asText("unknown");
            bySubscription.computeIfAbsent(id, k -> new ArrayList<>()).add(attempt);
        }

        ObjectNode result = Json.object();
        ObjectNode shapedEvent = shaper.object(eventShape, SuccessBody.object(event));
        shapedEvent.remove("untrusted_notice");
        result.set("event", shapedEvent);
        ArrayNode subscriptions = Json.MAPPER.createArrayNode();
        int delivered = 0;
        int failed = 0;
        int pending = 0;
        for (Map.Entry<String, List<JsonNode>> e : bySubscription.entrySet()) {
            ObjectNode summary = subscriptionSummary(e.getKey(), e.getValue(), arguments, routes.get(2), context);
            switch (summary.path("outcome").asText()) {
                case "successful" -> delivered++;
                case "failed" -> failed++;
                default -> pending++;
            }
            subscriptions.add(summary);
        }
        String status = status(attempts.isEmpty(), delivered, failed, pending);
        result.put("status", status);
        result.put("summary", summary(status, shapedEvent, bySubscription.size(), delivered, failed, pending, complete));
        result.put("attempt_count", attempts.size());
        result.set("subscriptions", subscriptions);
        result.put("untrusted_notice", ResultShaper.untrustedNotice(
                List.of("event.payload_decoded", "event.metadata", "event.labels", "latest_response.body")));
        return ToolOutcome.success(result);
    }

    private ObjectNode subscriptionSummary(String subscriptionId, List<JsonNode> attempts, ObjectNode arguments,
            Route responseRoute, CallContext context) throws Hook0TransportException {
        JsonNode latest = attempts.get(0);
        ObjectNode out = Json.object();
        out.put("subscription_id", subscriptionId);
        JsonNode description = latest.path("subscription").get("description");
        if (description != null && description.isTextual()) {
            out.put("description", description.asText());
        }
        out.put("attempt_count", attempts.size());
        String outcome = latest.path("status").path("type").asText("unknown");
        out.put("outcome", outcome);
        out.set("latest_attempt", compactAttempt(latest));

        JsonNode withResponse = attempts.stream().filter(a -> a.hasNonNull("response_id")).findFirst().orElse(null);
        ObjectNode response = null;
        if (withResponse != null) {
            ObjectNode args = Json.object();
            args.put("application_id", arguments.path("application_id").asText());
            args.put("response_id", withResponse.get("response_id").asText());
            Hook0Response r = context.send(RequestBuilder.build(responseRoute, args));
            if (r.isSuccess() && r.json().isPresent()) {
                response = compactResponse(r.json().get());
                out.set("latest_response", response);
            } else {
                out.put("latest_response_unavailable", "Hook0 answered " + r.status() + " for the response");
            }
        }
        if (outcome.equals("failed") || outcome.equals("waiting")) {
            out.put("failure_reason", failureReason(latest, response));
        }
        return out;
    }

    private static ObjectNode compactAttempt(JsonNode attempt) {
        ObjectNode out = Json.object();
        for (String field : List.of("request_attempt_id", "created_at", "picked_at", "succeeded_at", "failed_at",
                "delay_until", "retry_count", "http_response_status", "response_id")) {
            JsonNode v = attempt.get(field);
            if (v != null && !v.isNull()) {
                out.set(field, v);
            }
        }
        if (attempt.has("status")) {
            out.set("status", attempt.get("status"));
        }
        return out;
    }

    private static ObjectNode compactResponse(JsonNode response) {
        ObjectNode out = Json.object();
        for (String field : List.of("response_id", "http_code", "response_error_name", "elapsed_time_ms")) {
            JsonNode v = response.get(field);
            if (v != null && !v.isNull()) {
                out.set(field, v);
            }
        }
        JsonNode body = response.get("body");
        if (body != null && body.isTextual()) {
            String text = UntrustedText.clean(body.asText());
            out.put("body", Truncation.cut(text, BODY_EXCERPT_CHARS, "get_response has it all"));
        }
        return out;
    }

    static String failureReason(JsonNode attempt, ObjectNode response) {
        String outcome = attempt.path("status").path("type").asText();
        String prefix = outcome.equals("waiting")
                ? "retry scheduled until " + attempt.path("status").path("until").asText("later") + " after: "
                : "";
        if (response != null && response.has("http_code")) {
            int code = response.get("http_code").asInt();
            String body = response.path("body").asText("");
            return prefix + "the receiver answered HTTP " + code + (body.isEmpty() ? "" : " with body: " + body);
        }
        if (response != null && response.has("response_error_name")) {
            return prefix + "delivery error " + response.get("response_error_name").asText()
                    + " (no HTTP answer: timeout, connection or TLS failure)";
        }
        if (attempt.has("http_response_status")) {
            return prefix + "the receiver answered HTTP " + attempt.get("http_response_status").asInt();
        }
        return prefix + "the attempt failed without a recorded response";
    }

    static String status(boolean none, int delivered, int failed, int pending) {
        if (none) {
            return "not_delivered";
        }
        if (pending > 0) {
            return "in_progress";
        }
        if (failed > 0 && delivered > 0) {
            return "partially_failed";
        }
        return failed > 0 ? "failed" : "delivered";
    }

    private static String summary(String status, JsonNode event, int subscriptions, int delivered, int failed,
            int pending, boolean complete) {
        String type = event.path("event_type_name").asText("?");
        String more = complete ? "" : " (only the newest " + (MAX_PAGES * 50) + " attempts were read)";
        return switch (status) {
            case "not_delivered" -> "No subscription received this " + type + " event. A subscription gets an event"
                    + " when it is enabled, lists the event type " + type + ", and every one of its labels is present"
                    + " with the same value in the event's labels " + event.path("labels") + ". Check"
                    + " list_subscriptions.";
            case "delivered" -> "Delivered: all " + subscriptions + " subscription(s) got this " + type
                    + " event successfully" + more + ".";
            case "failed" -> "Failed: " + failed + " of " + subscriptions + " subscription(s) did not get this "
                    + type + " event; see failure_reason per subscription. After fixing the receiver, replay_event"
                    + " sends it again" + more + ".";
            case "partially_failed" -> "Partially failed: " + delivered + " subscription(s) got this " + type
                    + " event, " + failed + " failed (see failure_reason)" + more + ".";
            default -> "In progress: " + pending + " subscription(s) still pending or waiting for a retry, "
                    + delivered + " delivered, " + failed + " failed" + more + ".";
        };
    }
}

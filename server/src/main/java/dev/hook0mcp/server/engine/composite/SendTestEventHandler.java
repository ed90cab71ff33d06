package dev.hook0mcp.server.engine.composite;

import dev.hook0mcp.catalog.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.results.Truncation;
import dev.hook0mcp.server.results.UntrustedText;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * send_test_event: checks the event type exists, ingests a test event, then polls that event's attempts until
 * every subscription it went to succeeded or failed, or the wait ended, reporting progress meanwhile. Routes
 * (catalogue order): ingest, event types, attempts, response.
 */
public final class SendTestEventHandler implements ToolHandler {

    static final int DEFAULT_WAIT_SECONDS = 20;
    static final int MAX_WAIT_SECONDS = 60;
    /** With no attempt at all after this long, no subscription matched: stop waiting. */
    static final long NO_ATTEMPT_GRACE_MS = 5_000;
    static final long POLL_INTERVAL_MS = 500;
    static final int BODY_EXCERPT_CHARS = 300;

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        List<Route> routes = tool.binding().routes();
        String app = arguments.path("application_id").asText();
        String type = arguments.path("event_type").asText();
        ObjectNode appArgs = Json.object().put("application_id", app);

        Hook0Response types = context.send(RequestBuilder.build(routes.get(1), appArgs));
        if (!types.isSuccess()) {
            return ErrorResults.fromResponse(tool, types, arguments);
        }
        List<String> known = new ArrayList<>();
        SuccessBody.array(types).forEach(t -> known.add(t.path("event_type_name").asText()));
        if (!known.contains(type)) {
            ObjectNode out = Json.object();
            out.put("message", "Unknown event type '" + type + "' in application " + app
                    + ". Nothing was sent. Its event types: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
            ArrayNode list = out.putArray("event_types");
            known.forEach(list::add);
            out.put("next_step", "Call again with one of these, or create the type with create_event_type.");
            return ToolOutcome.failure(out);
        }

        String eventId = Uuids.v7().toString();
        arguments.put("event_id", eventId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode payload = arguments.get("payload");
        if (payload == null || !payload.isObject()) {
            payload = Json.object().put("test", true).put("sent_by", "hook0-mcp send_test_event")
                    .put("sent_at", now.toString());
        }
        JsonNode labels = arguments.get("labels");
        if (labels == null || !labels.isObject() || labels.isEmpty()) {
            labels = Json.object().put("test", "true");
        }
        ObjectNode body = Json.object().put("application_id", app).put("event_id", eventId).put("event_type", type)
                .put("payload", Json.compact(payload)).put("payload_content_type", "application/json")
                .put("occurred_at", now.toString());
        body.set("labels", labels);
        Hook0Response ingested = context.send(RequestBuilder.build(routes.get(0), arguments, body));
        if (!ingested.isSuccess()) {
            return ErrorResults.fromResponse(tool, ingested, arguments);
        }

        int wait = Math.min(MAX_WAIT_SECONDS, arguments.path("wait_seconds").asInt(DEFAULT_WAIT_SECONDS));
        long start = System.nanoTime();
        long deadline = start + wait * 1_000_000_000L;
        ObjectNode attemptArgs = appArgs.deepCopy().put("event_id", eventId);
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        boolean settled = false;
        while (true) {
            Hook0Response page = context.send(RequestBuilder.build(routes.get(2), attemptArgs));
            if (!page.isSuccess()) {
                return ErrorResults.fromResponse(tool, page, arguments);
            }
            latest.clear();
            for (JsonNode a : SuccessBody.array(page)) {
                String sub = a.path("subscription").path("subscription_id").asText();
                JsonNode before = latest.get(sub);
                if (before == null || a.path("created_at").asText().compareTo(before.path("created_at").asText()) > 0) {
                    latest.put(sub, a);
                }
            }
            long done = latest.values().stream().filter(SendTestEventHandler::isFinal).count();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            context.interaction().progress(Math.min(elapsedMs / 1000.0, wait), wait, done + " of " + latest.size()
                    + " subscription(s) done");
            settled = !latest.isEmpty() && done == latest.size();
            boolean nobody = latest.isEmpty() && elapsedMs >= Math.min(NO_ATTEMPT_GRACE_MS, wait * 1000L);
            if (settled || nobody || System.nanoTime() + POLL_INTERVAL_MS * 1_000_000 > deadline) {
                break;
            }
            try {
                Thread.sleep(POLL_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }

        ArrayNode subscriptions = Json.MAPPER.createArrayNode();
        int failed = 0;
        for (Map.Entry<String, JsonNode> e : latest.entrySet()) {
            JsonNode a = e.getValue();
            ObjectNode s = subscriptions.addObject().put("subscription_id", e.getKey());
            JsonNode description = a.path("subscription").get("description");
            if (description != null && description.isTextual()) {
                s.put("description", UntrustedText.clean(description.asText()));
            }
            String status = a.path("status").path("type").asText("unknown");
            s.put("status", status);
            failed += status.equals("failed") || status.equals("waiting") ? 1 : 0;
            if (a.hasNonNull("http_response_status")) {
                s.put("http_status", a.get("http_response_status").asInt());
            }
            if (a.hasNonNull("response_id")) {
                s.put("response_id", a.get("response_id").asText());
                Hook0Response r = context.send(RequestBuilder.build(routes.get(3),
                        appArgs.deepCopy().put("response_id", a.get("response_id").asText())));
                if (r.isSuccess() && r.json().isPresent()) {
                    JsonNode response = r.json().get();
                    if (response.hasNonNull("http_code")) {
                        s.put("http_status", response.get("http_code").asInt());
                    }
                    if (response.hasNonNull("response_error_name")) {
                        s.put("error", response.get("response_error_name").asText());
                    }
                    if (response.hasNonNull("elapsed_time_ms")) {
                        s.put("elapsed_ms", response.get("elapsed_time_ms").asLong());
                    }
                    if (response.path("body").isTextual()) {
                        s.put("response_body", Truncation.cut(UntrustedText.clean(response.get("body").asText()),
                                BODY_EXCERPT_CHARS, "get_response has it all"));
                    }
                }
            }
        }
        String status = latest.isEmpty() ? "no_subscription" : !settled ? "still_in_progress"
                : failed > 0 ? (failed == latest.size() ? "failed" : "partially_failed") : "delivered";
        ObjectNode result = Json.object().put("event_id", eventId).put("event_type", type).put("status", status)
                .put("waited_ms", (System.nanoTime() - start) / 1_000_000);
        result.set("subscriptions", subscriptions);
        result.put("message", switch (status) {
            case "no_subscription" -> "Test event " + eventId + " ingested, but no subscription received it: none is"
                    + " enabled for " + type + " with labels matching " + labels
                    + (arguments.path("labels").isObject() && !arguments.path("labels").isEmpty() ? ""
                    : " (the labels used when none are given)")
                    + ". A subscription receives an event whose labels include all of its own: call again with the"
                    + " labels of the subscription to test (list_subscriptions shows them).";
            case "still_in_progress" -> "Test event " + eventId + " ingested; not every delivery finished within "
                    + wait + " s. Follow with explain_event_delivery.";
            case "delivered" -> "Test event " + eventId + " delivered to all " + latest.size() + " subscription(s).";
            default -> "Test event " + eventId + ": " + failed + " of " + latest.size()
                    + " subscription(s) failed; see each status and response_body.";
        });
        result.put("untrusted_notice", ResultShaper.untrustedNotice(List.of("subscriptions.*.response_body",
                "subscriptions.*.description")));
        return ToolOutcome.success(result);
    }

    private static boolean isFinal(JsonNode attempt) {
        String status = attempt.path("status").path("type").asText();
        return status.equals("successful") || status.equals("failed");
    }
}

package dev.hook0mcp.server.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.engine.Json;
import dev.hook0mcp.server.hook0.Hook0Request;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One side-effect-free request per Hook0 action (reference §C.3). Hook0 authorizes before it validates or looks
 * anything up, so: reads are plain GETs (404 on a made-up id still means "allowed"); writes send a body that is
 * well-formed JSON but fails validation (422 = allowed, 403 Forbidden = denied) or target a made-up id (404 =
 * allowed). None of them can change data.
 */
final class ActionProbes {

    static final String NIL = "00000000-0000-0000-0000-000000000000";

    private ActionProbes() {}

    /** The probe for {@code action}, or empty when there is no safe one (application:delete, or no application). */
    static Optional<Hook0Request> forAction(String action, String org, String app, String subscription) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Hook0Request request = switch (action) {
            case "organization:list" -> get(List.of("organizations"), List.of());
            case "organization:get" -> get(List.of("organizations", org), List.of());
            case "application:list" -> get(List.of("applications"), List.of(Map.entry("organization_id", org)));
            case "application:create" -> post("POST", List.of("applications"),
                    Json.object().put("organization_id", org).put("name", ""));
            case "events_per_day:organization" -> get(List.of("events_per_day", "organization"),
                    List.of(Map.entry("organization_id", org), Map.entry("from", today), Map.entry("to", today)));
            default -> app == null ? null : forApplicationAction(action, org, app, subscription, today);
        };
        return Optional.ofNullable(request);
    }

    private static Hook0Request forApplicationAction(String action, String org, String app, String subscription,
            String today) {
        var byApp = List.of(Map.entry("application_id", app));
        return switch (action) {
            case "application:get" -> get(List.of("applications", app), List.of());
            case "application:edit" -> post("PUT", List.of("applications", app),
                    Json.object().put("organization_id", org).put("name", ""));
            case "event_type:list" -> get(List.of("event_types"), byApp);
            case "event_type:get" -> get(List.of("event_types", "nonexistent.probe.x"), byApp);
            case "event_type:create" -> post("POST", List.of("event_types"),
                    Json.object().put("application_id", app).put("service", "").put("resource_type", "").put("verb", ""));
            case "event_type:delete" -> new Hook0Request("DELETE", api("event_types", "nonexistent.probe.x"), byApp, null);
            case "subscription:list" -> get(List.of("subscriptions"), byApp);
            // Hook0 answers 404 before authorizing an unknown subscription: only a real one tells anything.
            case "subscription:get" -> subscription == null ? null : get(List.of("subscriptions", subscription), List.of());
            case "subscription:create" -> post("POST", List.of("subscriptions"), invalidSubscription(app));
            case "subscription:edit" -> post("PUT", List.of("subscriptions", NIL), invalidSubscription(app));
            case "subscription:delete" -> new Hook0Request("DELETE", api("subscriptions", NIL), byApp, null);
            case "event:list" -> get(List.of("events"), byApp);
            case "event:get" -> get(List.of("events", NIL), byApp);
            case "event:ingest" -> post("POST", List.of("event"), Json.object()
                    .put("application_id", app).put("event_type", "").put("payload", "")
                    .put("payload_content_type", "text/plain").put("occurred_at", "2020-01-01T00:00:00Z")
                    .set("labels", Json.object()));
            case "event:replay" -> post("POST", List.of("events", NIL, "replay"), Json.object().put("application_id", app));
            // Filtered on a made-up event so the answer is an empty page, not 50 attempts.
            case "request_attempt:list" -> get(List.of("request_attempts"),
                    List.of(Map.entry("application_id", app), Map.entry("event_id", NIL)));
            case "request_attempt:get" -> get(List.of("request_attempts", NIL), byApp);
            case "response:get" -> get(List.of("responses", NIL), byApp);
            case "events_per_day:application" -> get(List.of("events_per_day", "application"),
                    List.of(Map.entry("application_id", app), Map.entry("from", today), Map.entry("to", today)));
            default -> null; // application:delete: no probe can authorize it without deleting a real application
        };
    }

    private static ObjectNode invalidSubscription(String app) {
        ObjectNode body = Json.object().put("application_id", app).put("is_enabled", false);
        body.putArray("event_types");
        body.set("labels", Json.object());
        body.putObject("target").put("type", "http").put("method", "POST").put("url", "https://example.invalid/")
                .set("headers", Json.object());
        return body;
    }

    private static List<String> api(String... segments) {
        List<String> all = new java.util.ArrayList<>(List.of("api", "v1"));
        all.addAll(List.of(segments));
        return all;
    }

    private static Hook0Request get(List<String> segments, List<Map.Entry<String, String>> query) {
        return Hook0Request.get(api(segments.toArray(String[]::new)), query);
    }

    private static Hook0Request post(String method, List<String> segments, ObjectNode body) {
        return new Hook0Request(method, api(segments.toArray(String[]::new)), List.of(), body);
    }
}

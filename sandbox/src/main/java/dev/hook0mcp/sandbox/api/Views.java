package dev.hook0mcp.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.sandbox.http.Timestamps;
import dev.hook0mcp.sandbox.store.Application;
import dev.hook0mcp.sandbox.store.Event;
import dev.hook0mcp.sandbox.store.EventType;
import dev.hook0mcp.sandbox.store.EventsPerDayEntry;
import dev.hook0mcp.sandbox.store.Organization;
import dev.hook0mcp.sandbox.store.RequestAttempt;
import dev.hook0mcp.sandbox.store.SandboxStore.AttemptDetails;
import dev.hook0mcp.sandbox.store.Subscription;
import dev.hook0mcp.sandbox.store.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/** Hook0's response bodies (§B.2), member names exactly as serialized. */
public final class Views {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Views() {
    }

    public static <T> ArrayNode list(Collection<T> items, Function<T, ObjectNode> view) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(item -> array.add(view.apply(item)));
        return array;
    }

    /** Service tokens always see {@code role: "editor"}, whatever their attenuation. */
    public static ObjectNode organization(Organization org) {
        ObjectNode node = JSON.objectNode();
        node.put("organization_id", org.id().toString());
        node.put("role", "editor");
        node.put("name", org.name());
        node.putNull("plan");
        return node;
    }

    /** Figures an OrganizationInfo carries besides the organization itself. */
    public record OrganizationFigures(int applications, int eventsToday, boolean anyEventType,
                                      boolean anySubscription, boolean anyEvent) {
    }

    public static ObjectNode organizationInfo(Organization org, OrganizationFigures figures) {
        ObjectNode node = JSON.objectNode();
        node.put("organization_id", org.id().toString());
        node.put("name", org.name());
        node.putNull("plan");
        ObjectNode user = node.putArray("users").addObject();
        user.put("user_id", "00000000-0000-4000-8000-000000000001");
        user.put("email", "owner@sandbox.invalid");
        user.put("first_name", "Sandy");
        user.put("last_name", "Box");
        user.put("role", "editor");
        ObjectNode quotas = node.putObject("quotas");
        quotas.put("members_per_organization_limit", 10);
        quotas.put("applications_per_organization_limit", 100);
        quotas.put("events_per_day_limit", 100000);
        quotas.put("days_of_events_retention_limit", 30);
        ObjectNode consumption = node.putObject("consumption");
        consumption.put("members", 1L);
        consumption.put("applications", (long) figures.applications());
        consumption.put("events_per_day", (long) figures.eventsToday());
        ObjectNode steps = node.putObject("onboarding_steps");
        steps.put("application", step(figures.applications() > 0));
        steps.put("event_type", step(figures.anyEventType()));
        steps.put("subscription", step(figures.anySubscription()));
        steps.put("event", step(figures.anyEvent()));
        return node;
    }

    public static ObjectNode application(Application app) {
        ObjectNode node = JSON.objectNode();
        node.put("application_id", app.id().toString());
        node.put("organization_id", app.organizationId().toString());
        node.put("name", app.name());
        return node;
    }

    public static ObjectNode applicationInfo(Application app, int eventsToday, boolean anyEventType,
                                             boolean anySubscription, boolean anyEvent) {
        ObjectNode node = application(app);
        ObjectNode quotas = node.putObject("quotas");
        quotas.put("events_per_day_limit", 100000);
        quotas.put("days_of_events_retention_limit", 30);
        node.putObject("consumption").put("events_per_day", eventsToday);
        ObjectNode steps = node.putObject("onboarding_steps");
        steps.put("event_type", step(anyEventType));
        steps.put("subscription", step(anySubscription));
        steps.put("event", step(anyEvent));
        return node;
    }

    private static String step(boolean done) {
        return done ? "Done" : "ToDo";
    }

    public static ObjectNode eventType(EventType type) {
        ObjectNode node = JSON.objectNode();
        node.put("service_name", type.service());
        node.put("resource_type_name", type.resourceType());
        node.put("verb_name", type.verb());
        node.put("event_type_name", type.name());
        return node;
    }

    public static ObjectNode subscription(Subscription s) {
        return subscription(s, s.target().method());
    }

    /** @param methodAsSent create/update echo the target as sent; later reads show the stored upper case */
    public static ObjectNode subscription(Subscription s, String methodAsSent) {
        ObjectNode node = JSON.objectNode();
        node.put("application_id", s.applicationId().toString());
        node.put("subscription_id", s.id().toString());
        node.put("is_enabled", s.enabled());
        ArrayNode types = node.putArray("event_types");
        s.eventTypes().forEach(types::add);
        if (s.description() == null) {
            node.putNull("description");
        } else {
            node.put("description", s.description());
        }
        node.put("secret", s.secret().toString());
        node.set("metadata", map(s.metadata()));
        Map.Entry<String, String> first = s.labels().entrySet().stream().findFirst().orElse(null);
        node.put("label_key", first == null ? "" : first.getKey());
        node.put("label_value", first == null ? "" : first.getValue());
        node.set("labels", map(s.labels()));
        ObjectNode target = node.putObject("target");
        target.put("type", "http");
        target.put("method", methodAsSent);
        target.put("url", s.target().url());
        target.set("headers", map(s.target().headers()));
        node.put("created_at", Timestamps.rfc3339(s.createdAt()));
        node.put("updated_at", Timestamps.rfc3339(s.updatedAt()));
        ArrayNode workers = node.putArray("dedicated_workers");
        s.dedicatedWorkers().forEach(workers::add);
        return node;
    }

    /** List form: no payload. */
    public static ObjectNode event(Event e) {
        ObjectNode node = JSON.objectNode();
        node.put("event_id", e.id().toString());
        node.put("event_type_name", e.eventTypeName());
        node.put("payload_content_type", e.payloadContentType());
        node.put("ip", e.ip());
        if (e.metadata() == null) {
            node.putNull("metadata");
        } else {
            node.set("metadata", map(e.metadata()));
        }
        node.put("occurred_at", Timestamps.rfc3339(e.occurredAt()));
        node.put("received_at", Timestamps.rfc3339(e.receivedAt()));
        node.set("labels", map(e.labels()));
        return node;
    }

    /** Get form: the payload is ALWAYS standard base64 of the stored bytes, whatever the content type. */
    public static ObjectNode eventWithPayload(Event e) {
        ObjectNode node = event(e);
        node.put("payload", Base64.getEncoder().encodeToString(e.payload()));
        return node;
    }

    public static ObjectNode ingestedEvent(Event e) {
        ObjectNode node = JSON.objectNode();
        node.put("application_id", e.applicationId().toString());
        node.put("event_id", e.id().toString());
        node.put("received_at", Timestamps.rfc3339(e.receivedAt()));
        return node;
    }

    public static ObjectNode requestAttempt(RequestAttempt a, AttemptDetails details, Instant now) {
        ObjectNode node = JSON.objectNode();
        node.put("request_attempt_id", a.id().toString());
        node.put("event_id", a.eventId().toString());
        ObjectNode event = node.putObject("event");
        event.put("event_id", a.eventId().toString());
        event.put("event_type_name", details.eventTypeName());
        ObjectNode subscription = node.putObject("subscription");
        subscription.put("subscription_id", a.subscriptionId().toString());
        if (details.subscriptionDescription() == null) {
            subscription.putNull("description");
        } else {
            subscription.put("description", details.subscriptionDescription());
        }
        node.put("created_at", Timestamps.rfc3339(a.createdAt()));
        putInstant(node, "picked_at", a.pickedAt());
        putInstant(node, "failed_at", a.failedAt());
        putInstant(node, "succeeded_at", a.succeededAt());
        putInstant(node, "delay_until", a.delayUntil());
        if (a.responseId() == null) {
            node.putNull("response_id");
        } else {
            node.put("response_id", a.responseId().toString());
        }
        node.put("retry_count", a.retryCount());
        if (details.httpResponseStatus() == null) {
            node.putNull("http_response_status");
        } else {
            node.put("http_response_status", details.httpResponseStatus());
        }
        node.set("status", status(a, now));
        return node;
    }

    /** {@code RequestAttemptStatus::compute}: failed > successful > in progress > waiting > pending. */
    static ObjectNode status(RequestAttempt a, Instant now) {
        ObjectNode status = JSON.objectNode();
        Instant start = a.delayUntil() != null && a.delayUntil().isAfter(a.createdAt()) ? a.delayUntil() : a.createdAt();
        if (a.failedAt() != null) {
            status.put("type", "failed");
            status.put("at", Timestamps.rfc3339(a.failedAt()));
            status.put("full_processing_ms", Duration.between(start, a.failedAt()).toMillis());
        } else if (a.succeededAt() != null) {
            status.put("type", "successful");
            status.put("at", Timestamps.rfc3339(a.succeededAt()));
            status.put("full_processing_ms", Duration.between(start, a.succeededAt()).toMillis());
        } else if (a.pickedAt() != null) {
            status.put("type", "inprogress");
            status.put("since", Timestamps.rfc3339(a.pickedAt()));
        } else if (a.delayUntil() != null && a.delayUntil().isAfter(now)) {
            status.put("type", "waiting");
            status.put("since", Timestamps.rfc3339(a.createdAt()));
            status.put("until", Timestamps.rfc3339(a.delayUntil()));
        } else {
            status.put("type", "pending");
            status.put("since", Timestamps.rfc3339(a.createdAt()));
        }
        return status;
    }

    public static ObjectNode response(WebhookResponse r) {
        ObjectNode node = JSON.objectNode();
        node.put("response_id", r.id().toString());
        if (r.errorName() == null) {
            node.putNull("response_error_name");
        } else {
            node.put("response_error_name", r.errorName());
        }
        if (r.httpCode() == null) {
            node.putNull("http_code");
        } else {
            node.put("http_code", r.httpCode());
        }
        if (r.headers() == null) {
            node.putNull("headers");
        } else {
            node.set("headers", map(r.headers()));
        }
        if (r.body() == null) {
            node.putNull("body");
        } else {
            node.put("body", r.body());
        }
        if (r.elapsedTimeMs() == null) {
            node.putNull("elapsed_time_ms");
        } else {
            node.put("elapsed_time_ms", r.elapsedTimeMs());
        }
        return node;
    }

    public static ObjectNode eventsPerDay(EventsPerDayEntry e) {
        ObjectNode node = JSON.objectNode();
        node.put("application_id", e.applicationId().toString());
        node.put("application_name", e.applicationName());
        node.put("date", e.date().toString());
        node.put("amount", e.amount());
        node.put("is_provisional", e.provisional());
        return node;
    }

    public static ObjectNode instanceConfig(String biscuitPublicKeyHex) {
        ObjectNode node = JSON.objectNode();
        node.put("biscuit_public_key", biscuitPublicKeyHex);
        node.put("registration_disabled", true);
        node.put("password_minimum_length", 12);
        node.put("auto_db_migration", false);
        node.put("application_secret_compatibility", false);
        node.put("quota_enforcement", false);
        node.putNull("matomo");
        node.putNull("formbricks");
        node.put("support_email_address", "support@sandbox.invalid");
        node.putNull("cloudflare_turnstile_site_key");
        return node;
    }

    private static ObjectNode map(Map<String, String> map) {
        ObjectNode node = JSON.objectNode();
        if (map != null) {
            map.forEach(node::put);
        }
        return node;
    }

    private static void putInstant(ObjectNode node, String name, Instant value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, Timestamps.rfc3339(value));
        }
    }
}

package dev.hook0mcp.sandbox.api;

import dev.hook0mcp.sandbox.http.JsonBody;
import dev.hook0mcp.sandbox.http.Problem;
import dev.hook0mcp.sandbox.http.ProblemException;
import dev.hook0mcp.sandbox.http.ValidationErrors;
import dev.hook0mcp.sandbox.store.SubscriptionDraft;
import dev.hook0mcp.sandbox.store.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A SubscriptionPost (create and full update) in Hook0's three stages: {@link #parse} (400 JsonPayload),
 * {@link #resolveLabels} (400 LabelsAmbiguity, before authorization), {@link #validate} (422, after
 * authorization).
 */
final class SubscriptionRequest {

    static final Set<String> METHODS = Set.of("GET", "PATCH", "POST", "PUT", "DELETE", "OPTIONS", "HEAD");

    final UUID applicationId;
    final boolean enabled;
    final List<String> eventTypes;
    final String description;
    final Map<String, String> metadata;
    final Map<String, String> labels;
    final String labelKey;
    final String labelValue;
    final String method;
    final String url;
    final Map<String, String> headers;
    final List<String> dedicatedWorkers;
    private Map<String, String> resolvedLabels;

    private SubscriptionRequest(JsonBody body) {
        applicationId = body.requiredUuid("application_id");
        enabled = body.requiredBoolean("is_enabled");
        eventTypes = body.requiredStringList("event_types");
        description = body.optionalString("description");
        metadata = body.optionalStringMap("metadata");
        labels = body.optionalStringMap("labels");
        labelKey = body.optionalString("label_key");
        labelValue = body.optionalString("label_value");
        JsonBody target = body.requiredObject("target");
        String type = target.requiredString("type");
        if (!"http".equals(type)) {
            throw new ProblemException(Problem.jsonPayload(
                    "JSON deserialization error: unknown variant `" + type + "`, expected `http`"));
        }
        method = target.requiredString("method");
        url = target.requiredString("url");
        Map<String, String> sentHeaders = target.optionalStringMap("headers");
        headers = sentHeaders == null ? new LinkedHashMap<>() : sentHeaders;
        dedicatedWorkers = body.optionalStringList("dedicated_workers");
    }

    static SubscriptionRequest parse(JsonBody body) {
        return new SubscriptionRequest(body);
    }

    /** {@code labels} wins; else legacy {@code label_key}/{@code label_value}; neither → 400. */
    SubscriptionRequest resolveLabels() {
        if (labels != null) {
            resolvedLabels = labels;
        } else if (labelKey != null && labelValue != null) {
            resolvedLabels = Map.of(labelKey, labelValue);
        } else {
            throw new ProblemException(Problem.labelsAmbiguity());
        }
        return this;
    }

    SubscriptionRequest validate() {
        ValidationErrors errors = new ValidationErrors()
                .listSize("event_types", eventTypes, 1, 100)
                .eachLength("event_types", eventTypes, 1, 200)
                .length("description", description, 1, 100)
                .map("metadata", metadata, 0, 50, 1, 50)
                .listSize("dedicated_workers", dedicatedWorkers, 1, 20);
        if (labels != null) {
            errors.map("labels", labels, 1, 10, 1, 50);
        } else {
            errors.length("label_key", labelKey, 1, 100).length("label_value", labelValue, 1, 100);
        }
        ValidationErrors target = new ValidationErrors();
        if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            target.custom("method", "method", "must be one of GET, PATCH, POST, PUT, DELETE, OPTIONS, HEAD",
                    Map.of("value", method));
        }
        if (!isHttpUrl(url)) {
            target.custom("url", "url", "must be an http or https URL with a host, at most 1000 characters",
                    Map.of("value", url));
        }
        if (headers.size() > 10 || headers.values().stream().anyMatch(v -> v.length() > 500)) {
            target.custom("headers", "headers", "at most 10 headers, values at most 500 characters",
                    Map.of("max_headers", 10, "max_value_length", 500));
        }
        errors.nested("target", target).throwIfAny();
        if (dedicatedWorkers != null && !dedicatedWorkers.isEmpty()) {
            throw new ProblemException(Problem.unauthorizedWorkers(dedicatedWorkers));
        }
        return this;
    }

    private static boolean isHttpUrl(String text) {
        if (text.length() > 1000) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    SubscriptionDraft toDraft() {
        return new SubscriptionDraft(applicationId, enabled, eventTypes, description,
                metadata == null ? Map.of() : metadata, resolvedLabels,
                new Target(method.toUpperCase(Locale.ROOT), url, headers),
                dedicatedWorkers == null ? List.of() : dedicatedWorkers);
    }
}

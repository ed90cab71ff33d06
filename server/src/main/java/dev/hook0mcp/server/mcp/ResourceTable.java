package dev.hook0mcp.server.mcp;

import dev.hook0mcp.catalog.Uuids;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hook0:// resources, as data: each URI template is one catalogue tool, called with the URI's variables as
 * its arguments of the same names. Reading a resource is that tool call, so routes, required query parameters,
 * redaction, untrusted-data marking and the size budget are the tool's.
 */
public final class ResourceTable {

    /** One URI template and the tool that resolves it. Every variable is a UUID argument of that tool. */
    public record Entry(String uriTemplate, String name, String title, String description, String tool) {

        public List<String> variables() {
            return matcher().getVariableNames();
        }

        /** This template with its variables filled in (values are UUIDs, nothing to escape). */
        public String expand(Map<String, String> values) {
            String uri = uriTemplate;
            for (String name : variables()) {
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for " + name + " in " + uriTemplate);
                }
                uri = uri.replace("{" + name + "}", value);
            }
            return uri;
        }

        /** The variables of {@code uri} when it has this template's shape (the SDK's own template matching). */
        Optional<Map<String, String>> match(String uri) {
            McpUriTemplateManager template = matcher();
            if (!template.matches(uri)) {
                return Optional.empty();
            }
            Map<String, String> found = template.extractVariableValues(uri);
            Map<String, String> values = new LinkedHashMap<>();
            template.getVariableNames().forEach(name -> values.put(name, found.get(name)));
            return Optional.of(values);
        }

        private McpUriTemplateManager matcher() {
            return TEMPLATES.create(uriTemplate);
        }
    }

    /** Why a URI cannot be read, said before any request is made. */
    public static final class BadUri extends RuntimeException {
        BadUri(String message) {
            super(message);
        }
    }

    private static final McpUriTemplateManagerFactory TEMPLATES = new DefaultMcpUriTemplateManagerFactory();

    public static final List<Entry> ENTRIES = List.of(
            new Entry("hook0://organizations", "organizations", "Organizations",
                    "The organization of this token (Hook0: GET /organizations).", "list_organizations"),
            new Entry("hook0://organizations/{organization_id}/applications", "applications", "Applications",
                    "The applications of an organization (GET /applications?organization_id=).", "list_applications"),
            new Entry("hook0://applications/{application_id}", "application", "Application",
                    "One application with its quotas and consumption (GET /applications/{id}).", "get_application"),
            new Entry("hook0://applications/{application_id}/event_types", "event_types", "Event types",
                    "The active event types of an application, service.resource_type.verb"
                            + " (GET /event_types?application_id=).", "list_event_types"),
            new Entry("hook0://applications/{application_id}/subscriptions", "subscriptions", "Subscriptions",
                    "The webhook subscriptions of an application: target, labels, event_types, is_enabled; secrets"
                            + " redacted (GET /subscriptions?application_id=).", "list_subscriptions"),
            new Entry("hook0://applications/{application_id}/events", "events", "Events",
                    "The latest 100 events of an application, without payloads; outside data"
                            + " (GET /events?application_id=).", "list_events"),
            new Entry("hook0://applications/{application_id}/events/{event_id}", "event", "Event",
                    "One event with its payload decoded when it is text or JSON; outside data"
                            + " (GET /events/{id}?application_id=).", "get_event"),
            new Entry("hook0://applications/{application_id}/events/{event_id}/attempts", "event_attempts",
                    "Delivery attempts of an event",
                    "The newest 50 delivery attempts of one event, with status and response_id; next_cursor means"
                            + " more (list_request_attempts pages on) (GET /request_attempts?application_id=&event_id=).",
                    "list_request_attempts"),
            new Entry("hook0://applications/{application_id}/health", "delivery_health", "Delivery health",
                    "Delivery health of an application over the last 24 h: totals and, per subscription (worst first),"
                            + " status, success rate, last failure and top causes (get_delivery_health).",
                    "get_delivery_health"),
            new Entry("hook0://applications/{application_id}/responses/{response_id}", "response", "Webhook response",
                    "What a receiver answered to a delivery attempt: http_code, headers, body; outside data"
                            + " (GET /responses/{id}?application_id=).", "get_response"));

    private ResourceTable() {}

    public static Optional<Entry> byTemplate(String uriTemplate) {
        return ENTRIES.stream().filter(e -> e.uriTemplate().equals(uriTemplate)).findFirst();
    }

    /**
     * The tool arguments {@code uri} stands for under {@code entry}, or {@link BadUri} saying what is wrong (a
     * variable that is not a UUID, a query string, a URI of another shape).
     */
    public static Map<String, Object> arguments(Entry entry, String uri) {
        if (uri == null || uri.isEmpty()) {
            throw new BadUri("the resource URI is empty");
        }
        if (uri.indexOf('?') >= 0 || uri.indexOf('#') >= 0) {
            throw new BadUri(printable(uri) + ": hook0:// resources take no query string or fragment");
        }
        Map<String, String> values = entry.match(uri)
                .orElseThrow(() -> new BadUri(printable(uri) + " does not have the shape " + entry.uriTemplate()));
        Map<String, Object> args = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!Uuids.isUuid(value)) {
                throw new BadUri(printable(uri) + ": " + name + " must be a UUID (like 3f2b8c1e-0d4a-4b6f-9e21-7c5d8a9b0e13),"
                        + " not '" + printable(value) + "'");
            }
            args.put(name, value);
        });
        return args;
    }

    /** For echoing a caller's value in a message: control and invisible characters shown as '?', bounded. */
    static String printable(String value) {
        String clean = value.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
    }
}

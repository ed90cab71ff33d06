package dev.hook0mcp.server.mcp.prompts;

import static dev.hook0mcp.server.mcp.prompts.PromptLimits.DESCRIPTION;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.EVENT_TYPE_PART_LENGTHS;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.LABELS;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.LABEL_VALUE;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.TARGET_HEADERS;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.TARGET_METHODS;
import static dev.hook0mcp.server.mcp.prompts.PromptText.thenCheckDelivery;
import static dev.hook0mcp.server.mcp.prompts.PromptText.json;
import static dev.hook0mcp.server.mcp.prompts.PromptText.trimEnd;

import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Optional;

/** create_webhook_subscription: event types, labels, target, then a test; offered only with create_subscription. */
public final class CreateWebhookSubscriptionPrompt implements Hook0Prompt {

    public static final String NAME = "create_webhook_subscription";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<McpSchema.Prompt> offered(ToolSurface surface) {
        if (!surface.isEnabled("create_subscription")) {
            return Optional.empty();
        }
        return Optional.of(new McpSchema.Prompt(NAME, "Create a webhook subscription",
                "Create a Hook0 subscription that sends the given event types to a URL: event types, labels,"
                        + " target, then a test.",
                List.of(PromptArguments.applicationArgument(surface),
                        new McpSchema.PromptArgument("target_url", "Target URL",
                                "The receiver's http(s) URL", true),
                        new McpSchema.PromptArgument("event_types", "Event types",
                                "Event type names (service.resource_type.verb), comma-separated", true))));
    }

    @Override
    public String text(PromptArguments arguments, CallContext context) {
        return render(context.surface(), arguments.application(), arguments.targetUrl(), arguments.eventTypes());
    }

    public static String render(ToolSurface surface, String app, String url, List<String> types) {
        StringBuilder s = new StringBuilder();
        s.append("Create a Hook0 webhook subscription in application ").append(app).append(" that sends events of type ")
                .append(String.join(", ", types)).append(" to ").append(url).append(".\n\n");
        s.append("1. Event types are named service.resource_type.verb and must exist in the application before a"
                + " subscription can list them (else Hook0 answers 400 EventTypeDoesNotExist). ");
        if (surface.isEnabled("list_event_types")) {
            s.append("Check with list_event_types {\"application_id\": ").append(json(app)).append("}. ");
        }
        if (surface.isEnabled("create_event_type")) {
            s.append("Create a missing one with create_event_type {\"application_id\": ").append(json(app))
                    .append(", \"service\", \"resource_type\", \"verb\"} (each part ").append(EVENT_TYPE_PART_LENGTHS)
                    .append(" characters). ");
        } else {
            s.append("This token cannot create event types: a missing one must be created in the Hook0 dashboard"
                    + " first. ");
        }
        trimEnd(s);
        s.append("\n2. Labels: ask the user which labels route events to this subscription. labels is required: a"
                + " map of ").append(LABELS.properties()).append(" entries (keys and values ")
                .append(LABEL_VALUE.lengths()).append(" characters), e.g. {\"tenant\": \"acme\"}. An event is"
                + " delivered to the subscription only when every one of these labels is present with the same"
                + " value in the event's labels.\n");
        s.append("3. Call create_subscription with {\"application_id\": ").append(json(app))
                .append(", \"is_enabled\": true, \"event_types\": ").append(json(types))
                .append(", \"labels\": {…}, \"target\": {\"type\": \"http\", \"method\": \"POST\", \"url\": ")
                .append(json(url)).append(", \"headers\": {}}, \"description\": \"…\"}. target.type is always"
                + " \"http\"; target.method is one of ").append(String.join(", ", TARGET_METHODS))
                .append(" (receivers usually expect POST); target.headers holds up to ")
                .append(TARGET_HEADERS.maxProperties()).append(" headers sent with every delivery (e.g. an"
                + " authorization header the receiver checks), {} for none. description (")
                .append(DESCRIPTION.lengths()).append(" characters) is optional; is_enabled: false would create it"
                + " paused.\n");
        s.append("4. The result carries the subscription_id and the secret Hook0 signs every delivery with"
                + " (redacted unless this server runs with HOOK0_REVEAL_SECRETS=true): the receiver should verify"
                + " each delivery's signature with it.\n");
        if (surface.isEnabled("ingest_event")) {
            s.append("5. To test, ask the user first, then call ingest_event with {\"application_id\": ").append(json(app))
                    .append(", \"event_type\": ").append(json(types.get(0)))
                    .append(", \"labels\": <the subscription's labels>, \"payload_json\": {…}}")
                    .append(thenCheckDelivery(surface, " to see whether it was delivered")).append(".\n");
        }
        return s.toString();
    }
}

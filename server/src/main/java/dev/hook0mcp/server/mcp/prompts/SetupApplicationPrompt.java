package dev.hook0mcp.server.mcp.prompts;

import static dev.hook0mcp.server.mcp.prompts.PromptLimits.APPLICATION_NAME;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.EVENT_TYPE_PART_LENGTHS;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.LABELS;
import static dev.hook0mcp.server.mcp.prompts.PromptText.json;
import static dev.hook0mcp.server.mcp.prompts.PromptText.thenCheckDelivery;

import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Optional;

/** setup_application: a new application, its event types, subscriptions and a test event. */
public final class SetupApplicationPrompt implements Hook0Prompt {

    public static final String NAME = "setup_application";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<McpSchema.Prompt> offered(ToolSurface surface) {
        if (!surface.isEnabled("create_application")) {
            return Optional.empty();
        }
        return Optional.of(new McpSchema.Prompt(NAME, "Set up an application",
                "Create a Hook0 application and walk through its event types, subscriptions and a test event.",
                List.of(PromptArguments.organizationArgument(surface),
                        new McpSchema.PromptArgument("application_name", "Application name",
                                "Name of the new application (" + APPLICATION_NAME.lengths() + " characters)", true))));
    }

    @Override
    public String text(PromptArguments arguments, CallContext context) {
        return render(context.surface(), arguments.organization(), arguments.applicationName());
    }

    public static String render(ToolSurface surface, String org, String name) {
        StringBuilder s = new StringBuilder();
        s.append("Set up a new Hook0 application named ").append(json(name)).append(" in organization ").append(org)
                .append(".\n\n");
        s.append("1. Call create_application with {\"organization_id\": ").append(json(org)).append(", \"name\": ")
                .append(json(name)).append("} (name: ").append(APPLICATION_NAME.lengths())
                .append(" characters) and keep the application_id it returns.\n");
        s.append("2. Event types: ask the user which events the application will send. Each is named"
                + " service.resource_type.verb, e.g. billing.invoice.paid. ");
        if (surface.isEnabled("create_event_type")) {
            s.append("Create each with create_event_type {\"application_id\", \"service\", \"resource_type\","
                    + " \"verb\"} (each part ").append(EVENT_TYPE_PART_LENGTHS).append(" characters).\n");
        } else {
            s.append("This token cannot create event types: the user creates them in the Hook0 dashboard.\n");
        }
        s.append("3. Subscriptions (one per receiver): ");
        if (surface.isEnabled("create_subscription")) {
            s.append("create_subscription with {\"application_id\", \"is_enabled\": true, \"event_types\": [existing"
                    + " names], \"labels\": {…}, \"target\": {\"type\": \"http\", \"method\": \"POST\", \"url\":"
                    + " \"https://…\", \"headers\": {}}}. ");
        } else {
            s.append("this token cannot create subscriptions: the user creates them in the Hook0 dashboard. ");
        }
        s.append("labels is required, ").append(LABELS.properties()).append(" entries: an event goes to a"
                + " subscription only when its labels contain every one of the subscription's labels with the same"
                + " value. target is {\"type\": \"http\", \"method\", \"url\", \"headers\"}; is_enabled: false pauses"
                + " deliveries.\n");
        if (surface.isEnabled("ingest_event")) {
            s.append("4. Test: ingest_event with {\"application_id\", \"event_type\", \"labels\", \"payload_json\"}")
                    .append(thenCheckDelivery(surface, "")).append(".\n");
        }
        s.append("\nAsk the user before each creation. End with a summary: the application_id, its event types, its"
                + " subscriptions (target url, labels) and that receivers should verify the signature made with each"
                + " subscription's secret.");
        return s.toString();
    }
}

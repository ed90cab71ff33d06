package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.results.UntrustedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.net.URI;
import java.util.Optional;

/**
 * Asks the user before a delete when the client can be asked (elicitation): the form names what goes, read from
 * Hook0 first when the arguments do not name it (an application's name, a subscription's description and target);
 * an event type's name is its argument, so nothing is read. Declined or cancelled: a "not confirmed" error and no
 * delete. A client that cannot be asked deletes as before.
 */
public final class DeleteConfirmation {

    private DeleteConfirmation() {}

    /** Empty when the delete may go ahead; otherwise the "not confirmed" result to return instead. */
    public static Optional<ToolOutcome> check(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        if (!"DELETE".equals(tool.binding().routes().get(0).method()) || !context.interaction().canAsk()) {
            return Optional.empty();
        }
        String what = describe(tool, arguments, context);
        return ask(context.interaction(), "Delete " + what + "? This cannot be undone.", tool.name(), what);
    }

    /** Asks; empty when accepted. Shared with writes that confirm themselves (replay_failed_events). */
    public static Optional<ToolOutcome> ask(Interaction interaction, String message, String toolName, String what) {
        Interaction.Answer answer = interaction.ask(message);
        if (answer == Interaction.Answer.ACCEPTED) {
            return Optional.empty();
        }
        ObjectNode out = Json.object();
        String why = switch (answer) {
            case DECLINED -> "the user declined";
            case CANCELLED -> "the user cancelled";
            default -> "the client did not show the confirmation form or did not answer it";
        };
        out.put("message", toolName + " not confirmed: " + why + " (" + what
                + "). Nothing was sent to Hook0, so nothing changed.");
        out.put("confirmed", false);
        out.put("next_step", "Ask the user what to do instead; call again only if they want it done.");
        return Optional.of(ToolOutcome.failure(ToolOutcome.Kind.REFUSED, out));
    }

    static String describe(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        return switch (tool.name()) {
            case "delete_event_type" -> "event type '" + arguments.path("event_type_name").asText()
                    + "' of application " + arguments.path("application_id").asText();
            case "delete_application" -> read(tool, arguments, context)
                    .map(a -> "application '" + UntrustedText.clean(a.path("name").asText("?")) + "' ("
                            + arguments.path("application_id").asText() + ") with all its event types,"
                            + " subscriptions and events")
                    .orElse("application " + arguments.path("application_id").asText());
            case "delete_subscription" -> read(tool, arguments, context)
                    .map(s -> "subscription '" + UntrustedText.clean(s.path("description").asText("(no description)"))
                            + "' → " + host(s.path("target").path("url").asText("")) + " ("
                            + arguments.path("subscription_id").asText() + ")")
                    .orElse("subscription " + arguments.path("subscription_id").asText());
            default -> tool.title() + " " + arguments;
        };
    }

    /** GET on the delete's own route (same path and query): the resource about to be deleted. */
    private static Optional<JsonNode> read(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        Route delete = tool.binding().routes().get(0);
        Route get = new Route("GET", delete.path(), delete.query(), java.util.Map.of());
        Hook0Response response = context.send(RequestBuilder.build(get, arguments));
        return response.isSuccess() ? response.json().filter(JsonNode::isObject) : Optional.empty();
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "(unknown host)" : host;
        } catch (IllegalArgumentException e) {
            return "(unparsable target)";
        }
    }
}

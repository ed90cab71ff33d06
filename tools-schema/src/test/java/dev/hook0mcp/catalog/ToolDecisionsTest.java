package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static dev.hook0mcp.catalog.CatalogFixtures.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.ResultShape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The per-tool decisions: Hook0 action and scope, defaults, and how results are shaped. */
class ToolDecisionsTest {

    @Test
    void everyActionComesFromTheActionTableAndMatchesTheToolsKind() {
        List<String> problems = new ArrayList<>();
        for (ToolDefinition t : catalog().tools()) {
            if (t.action() == null) {
                continue;
            }
            Hook0Action action = Hook0Actions.standard().get(t.action());
            if (action.read() != t.isRead()) {
                problems.add(t.name() + ": readOnlyHint " + t.isRead() + " but " + t.action() + " is a "
                        + (action.read() ? "read" : "write"));
            }
            if ((t.scope() == ToolScope.APPLICATION) != action.isApplicationScoped()) {
                problems.add(t.name() + ": scope " + t.scope() + " does not follow " + t.action());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aToolNamingAnUnknownActionIsRefused() {
        var file = (com.fasterxml.jackson.databind.node.ObjectNode) CatalogFixtures.rawFile("list_events.json");
        file.put("action", "event:teleport");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ToolCatalog.parse(file, "list_events.json"));
        assertTrue(e.getMessage().contains("unknown Hook0 action 'event:teleport'"), e.getMessage());
    }

    @Test
    void getTokenInfoNeedsNoHook0Action() {
        ToolDefinition t = tool("get_token_info");
        assertEquals("token", t.toolset());
        assertEquals(ToolScope.NONE, t.scope());
        assertNull(t.action());
    }

    @Test
    void onlyScopeNoneHasNoAction() {
        for (ToolDefinition t : catalog().tools()) {
            assertEquals(t.scope() == ToolScope.NONE, t.action() == null, t.name() + ": action null iff scope none");
        }
    }

    @Test
    void idArgumentsDefaultFromTheTokenAndStayRequired() {
        List<String> problems = new ArrayList<>();
        for (ToolDefinition t : catalog().tools()) {
            List<String> args = t.argumentNames();
            Set<String> required = CatalogFixtures.textList(t.inputSchema().get("required")).stream()
                    .collect(Collectors.toSet());
            Map<String, String> defaults = t.binding().defaults();
            for (var e : Map.of("application_id", "token.application_id",
                    "organization_id", "token.organization_id").entrySet()) {
                if (args.contains(e.getKey())) {
                    if (!e.getValue().equals(defaults.get(e.getKey()))) {
                        problems.add(t.name() + ": " + e.getKey() + " must default to " + e.getValue());
                    }
                    // update_subscription takes application_id from the subscription it reads.
                    boolean optional = t.name().equals("update_subscription") && e.getKey().equals("application_id");
                    if (!optional && !required.contains(e.getKey())) {
                        problems.add(t.name() + ": " + e.getKey()
                                + " stays in required (the server drops it when it can fill it in)");
                    }
                }
            }
            for (String key : defaults.keySet()) {
                if (!args.contains(key)) {
                    problems.add(t.name() + ": default for unknown argument " + key);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void resultShapesFollowTheHttpAnswer() {
        for (ToolDefinition t : catalog().tools()) {
            Shape expected;
            if ((t.name().startsWith("list_") && t.binding().kind() != Binding.Kind.COMPOSITE)
                    || t.name().endsWith("events_per_day")) {
                expected = Shape.LIST;
            } else if (t.name().startsWith("delete_") || t.name().equals("replay_event")) {
                expected = Shape.EMPTY;
            } else {
                expected = Shape.OBJECT;
            }
            assertEquals(expected, t.result().shape(), t.name());
            assertEquals(expected == Shape.EMPTY, t.result().confirmation() != null,
                    t.name() + ": a confirmation message exactly for 204 answers");
        }
    }

    @Test
    void confirmationsNameTheirArguments() {
        assertEquals("Subscription {subscription_id} deleted.", tool("delete_subscription").result().confirmation());
        assertEquals("Application {application_id} deleted.", tool("delete_application").result().confirmation());
        assertEquals("Event type {event_type_name} deleted.", tool("delete_event_type").result().confirmation());
        for (ToolDefinition t : catalog().tools()) {
            String confirmation = t.result().confirmation();
            if (confirmation == null) {
                continue;
            }
            var m = java.util.regex.Pattern.compile("\\{([a-z0-9_]+)}").matcher(confirmation);
            while (m.find()) {
                assertTrue(t.argumentNames().contains(m.group(1)),
                        t.name() + ": confirmation placeholder {" + m.group(1) + "} is not an argument");
            }
        }
    }

    @Test
    void onlyListRequestAttemptsIsPaginated() {
        for (ToolDefinition t : catalog().tools()) {
            assertEquals(t.name().equals("list_request_attempts"), t.result().paginated(), t.name());
        }
    }

    @Test
    void subscriptionSecretsAreRedacted() {
        Set<String> withSubscriptions =
                Set.of("list_subscriptions", "get_subscription", "create_subscription", "update_subscription");
        for (ToolDefinition t : catalog().tools()) {
            List<String> expected = withSubscriptions.contains(t.name())
                    ? List.of("secret", "target.headers.*") : List.of();
            assertEquals(expected, t.result().redact(), t.name());
        }
    }

    @Test
    void attackerControlledFieldsAreMarkedUntrusted() {
        Map<String, List<String>> expected = Map.of(
                "get_response", List.of("body", "headers.*"),
                "get_event", List.of("payload", "payload_decoded", "metadata.*", "labels.*"),
                "list_events", List.of("metadata.*", "labels.*"));
        for (ToolDefinition t : catalog().tools()) {
            assertEquals(expected.getOrDefault(t.name(), List.of()), t.result().untrusted(), t.name());
        }
    }

    @Test
    void onlyGetEventDecodesPayloads() {
        for (ToolDefinition t : catalog().tools()) {
            assertEquals(t.name().equals("get_event"), t.result().decodePayload(), t.name());
        }
    }

    @Test
    void compositeHandlersAreNamedAfterTheirTools() {
        for (ToolDefinition t : catalog().tools()) {
            if (t.binding().kind() == Binding.Kind.COMPOSITE) {
                assertEquals(t.name(), t.binding().handler(), t.name());
            } else {
                assertNull(t.binding().handler(), t.name() + ": only composites name a handler");
            }
        }
        assertEquals(Set.of("explain_event_delivery", "get_token_info", "ingest_event", "replay_failed_events",
                        "send_test_event", "get_delivery_health", "list_failed_deliveries"),
                catalog().tools().stream().filter(t -> t.binding().kind() == Binding.Kind.COMPOSITE)
                        .map(ToolDefinition::name).collect(Collectors.toSet()));
        assertEquals(Binding.Kind.READ_MERGE_PUT, tool("update_subscription").binding().kind());
    }

    @Test
    void ingestEventTakesExactlyOneOfPayloadOrPayloadJson() {
        var schema = tool("ingest_event").inputSchema();
        var required = CatalogFixtures.textList(schema.get("required"));
        assertFalse(required.contains("payload"), "the handler requires exactly one of payload / payload_json");
        assertFalse(required.contains("payload_json"));
        assertFalse(required.contains("event_id"), "event_id is generated when absent");
        assertFalse(required.contains("occurred_at"), "occurred_at defaults to now");
        assertEquals("object", schema.at("/properties/payload_json/type").asText());
        assertEquals("string", schema.at("/properties/payload/type").asText());
        assertEquals(List.of("text/plain", "application/json", "application/octet-stream+base64"),
                CatalogFixtures.textList(schema.at("/properties/payload_content_type/enum")));
        assertEquals("date-time", schema.at("/properties/occurred_at/format").asText());
        assertNotNull(schema.at("/properties/event_id/pattern").textValue());
    }

    @Test
    void updateSubscriptionNeedsOnlyTheSubscriptionId() {
        var schema = tool("update_subscription").inputSchema();
        assertEquals(List.of("subscription_id"), CatalogFixtures.textList(schema.get("required")));
        assertEquals(List.of("subscription_id", "application_id", "is_enabled", "event_types", "labels", "target",
                "description", "metadata", "dedicated_workers"), tool("update_subscription").argumentNames());
    }
}

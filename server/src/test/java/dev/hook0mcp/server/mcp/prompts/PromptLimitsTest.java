package dev.hook0mcp.server.mcp.prompts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.access.TokenDefaults;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The limits the prompts state and enforce are the ones the catalogue's input schemas give the tools. */
class PromptLimitsTest {

    static final String ORG = "11111111-2222-4333-8444-555555555555";
    static final String APP = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    static final ToolSurface ALL = ToolSurface.all(ToolCatalog.standard(), new TokenDefaults(ORG, null), "test");

    static JsonNode schema(String tool, String pointer) {
        JsonNode node = ToolCatalog.standard().get(tool).inputSchema().at(pointer);
        assertTrue(node.isObject(), tool + pointer);
        return node;
    }

    static String range(JsonNode schema, String min, String max) {
        return schema.get(min).asInt() + "-" + schema.get(max).asInt();
    }

    @Test
    void applicationNameIsCreateApplicationsName() {
        JsonNode name = schema("create_application", "/properties/name");
        int min = name.get("minLength").asInt();
        int max = name.get("maxLength").asInt();
        String stated = min + "-" + max + " characters";
        assertTrue(SetupApplicationPrompt.render(ALL, ORG, "billing").contains("(name: " + stated + ")"));
        McpSchema.Prompt setup = new SetupApplicationPrompt().offered(ALL).orElseThrow();
        assertEquals("Name of the new application (" + stated + ")", setup.arguments().get(1).description());

        assertEquals("x".repeat(min), arguments(Map.of("application_name", "x".repeat(min))).applicationName());
        assertEquals("x".repeat(max), arguments(Map.of("application_name", "x".repeat(max))).applicationName());
        for (String bad : List.of("x".repeat(min - 1), "x".repeat(max + 1))) {
            McpError e = assertThrows(McpError.class,
                    () -> arguments(bad.isEmpty() ? Map.of() : Map.of("application_name", bad)).applicationName());
            assertTrue(e.getMessage().contains(stated), e.getMessage());
        }
    }

    @Test
    void eventTypesAreCreateSubscriptionsEventTypes() {
        JsonNode types = schema("create_subscription", "/properties/event_types");
        int most = types.get("maxItems").asInt();
        int longest = types.at("/items/maxLength").asInt();
        assertEquals(most, arguments(Map.of("event_types", names(most))).eventTypes().size());
        McpError tooMany = assertThrows(McpError.class,
                () -> arguments(Map.of("event_types", names(most + 1))).eventTypes());
        assertEquals("event_types must name " + range(types, "minItems", "maxItems")
                + " event types, comma-separated", tooMany.getMessage());
        assertDoesNotThrow(() -> arguments(Map.of("event_types", "e".repeat(longest))).eventTypes());
        assertThrows(McpError.class, () -> arguments(Map.of("event_types", "e".repeat(longest + 1))).eventTypes());
    }

    @Test
    void targetUrlIsCreateSubscriptionsTargetUrl() {
        int longest = schema("create_subscription", "/properties/target/properties/url").get("maxLength").asInt();
        String prefix = "https://receiver.example/";
        String atLimit = prefix + "x".repeat(longest - prefix.length());
        assertEquals(atLimit, arguments(Map.of("target_url", atLimit)).targetUrl());
        McpError e = assertThrows(McpError.class, () -> arguments(Map.of("target_url", atLimit + "x")).targetUrl());
        assertTrue(e.getMessage().contains("at most " + longest + " characters"), e.getMessage());
    }

    @Test
    void subscriptionTextStatesTheSchemasLimits() {
        String text = CreateWebhookSubscriptionPrompt.render(ALL, APP, "https://r.example/h", List.of("a.b.c"));
        JsonNode labels = schema("create_subscription", "/properties/labels");
        assertTrue(text.contains("a map of " + range(labels, "minProperties", "maxProperties")
                + " entries (keys and values " + range(labels.get("additionalProperties"), "minLength", "maxLength")
                + " characters)"), text);
        JsonNode target = schema("create_subscription", "/properties/target/properties");
        assertTrue(text.contains("up to " + target.at("/headers/maxProperties").asInt() + " headers"), text);
        List<String> methods = new ArrayList<>();
        target.at("/method/enum").forEach(m -> methods.add(m.asText()));
        assertTrue(text.contains("target.method is one of " + String.join(", ", methods) + " ("), text);
        JsonNode description = schema("create_subscription", "/properties/description");
        assertTrue(text.contains("description (" + range(description, "minLength", "maxLength") + " characters)"),
                text);
        for (String part : List.of("service", "resource_type", "verb")) {
            String each = "(each part " + range(schema("create_event_type", "/properties/" + part), "minLength",
                    "maxLength") + " characters)";
            assertTrue(text.contains(each), part + ": " + text);
            assertTrue(SetupApplicationPrompt.render(ALL, ORG, "billing").contains(each), part);
        }
    }

    @Test
    void labelCountIsStatedByEveryPromptThatExplainsRouting() {
        String entries = range(schema("create_subscription", "/properties/labels"), "minProperties",
                "maxProperties") + " entries";
        assertTrue(DebugEventDeliveryPrompt.render(ALL, APP, APP).contains("labels (" + entries + ")"));
        assertTrue(SetupApplicationPrompt.render(ALL, ORG, "billing").contains("labels is required, " + entries));
        assertTrue(CreateWebhookSubscriptionPrompt.render(ALL, APP, "https://r.example/h", List.of("a.b.c"))
                .contains("a map of " + entries));
    }

    @Test
    void partsWithDifferentLimitsCannotBeStatedAsOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PromptLimits.sameLengths("create_subscription", "description", "application_id"));
        assertTrue(e.getMessage().contains("application_id"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SchemaLimits.of("create_application", "/properties/nope"));
        assertThrows(IllegalStateException.class,
                () -> SchemaLimits.of("create_application", "/properties/organization_id").minItems());
    }

    private static PromptArguments arguments(Map<String, Object> values) {
        return new PromptArguments(values, ALL);
    }

    private static String names(int count) {
        return String.join(",", IntStream.range(0, count).mapToObj(i -> "billing.invoice.v" + i).toList());
    }
}

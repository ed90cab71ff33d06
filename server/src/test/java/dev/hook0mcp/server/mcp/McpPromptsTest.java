package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.mcp.prompts.CreateWebhookSubscriptionPrompt;
import dev.hook0mcp.server.mcp.prompts.DebugEventDeliveryPrompt;
import dev.hook0mcp.server.mcp.prompts.TriageWebhooksPrompt;
import dev.hook0mcp.server.mcp.prompts.ReviewTokenAccessPrompt;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class McpPromptsTest {

    static final String EVENT = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    static final Map<String, Object> ARGS = Map.of("application_id", Surfaces.APP, "event_id", EVENT,
            "target_url", "https://receiver.example/hook", "event_types", "billing.invoice.paid,billing.invoice.voided",
            "organization_id", Surfaces.ORG, "application_name", "billing");

    /** Surfaces worth checking: the usual token kinds and some odd allow-lists. */
    static final Map<String, ToolSurface> SURFACES = Map.of(
            "full", Surfaces.full(),
            "read-only", Surfaces.readOnly(),
            "one application", Surfaces.oneApplication(),
            "subscriptions only", Surfaces.only(Set.of("create_subscription")),
            "create app only", Surfaces.only(Set.of("create_application")),
            "no explain", Surfaces.only(Set.of("get_event", "list_request_attempts", "list_subscriptions",
                    "create_subscription", "ingest_event")),
            "token info only", Surfaces.only(Set.of("get_token_info")),
            "nothing", Surfaces.only(Set.of()));

    @Test
    void everyOfferedPromptNamesOnlyEnabledTools() {
        SURFACES.forEach((kind, surface) -> {
            Set<String> enabled = Set.copyOf(surface.enabledNames());
            for (McpSchema.Prompt prompt : McpPrompts.offered(surface)) {
                Map<String, Object> given = new HashMap<>();
                prompt.arguments().forEach(a -> given.put(a.name(), ARGS.get(a.name())));
                String text = text(McpPrompts.get(prompt.name(), given, Surfaces.context(surface)));
                Set<String> named = Surfaces.toolsNamedIn(text);
                assertTrue(enabled.containsAll(named), kind + ": " + prompt.name() + " names "
                        + named.stream().filter(n -> !enabled.contains(n)).toList());
            }
        });
    }

    @Test
    void writePromptsNeedTheirTool() {
        assertEquals(List.of("debug_event_delivery", "triage_webhooks", "create_webhook_subscription",
                "setup_application", "review_token_access"), names(Surfaces.full()));
        assertEquals(List.of("debug_event_delivery", "triage_webhooks", "review_token_access"),
                names(Surfaces.readOnly()));
        assertEquals(List.of("debug_event_delivery", "triage_webhooks", "create_webhook_subscription",
                "review_token_access"), names(Surfaces.oneApplication()));
        assertEquals(List.of("create_webhook_subscription", "review_token_access"),
                names(Surfaces.only(Set.of("create_subscription"))));
        assertEquals(List.of("review_token_access"), names(Surfaces.only(Set.of())));
    }

    @Test
    void applicationIdIsOptionalForAnApplicationToken() {
        McpSchema.Prompt debug = McpPrompts.offered(Surfaces.oneApplication()).get(0);
        assertFalse(debug.arguments().get(0).required());
        assertTrue(debug.arguments().get(0).description().contains(Surfaces.APP));
        assertTrue(McpPrompts.offered(Surfaces.full()).get(0).arguments().get(0).required());
        String text = text(McpPrompts.get("debug_event_delivery", Map.of("event_id", EVENT),
                Surfaces.context(Surfaces.oneApplication())));
        assertTrue(text.contains("{\"application_id\": \"" + Surfaces.APP + "\", \"event_id\": \"" + EVENT + "\"}"), text);
        McpError e = assertThrows(McpError.class, () -> McpPrompts.get("debug_event_delivery", Map.of("event_id", EVENT),
                Surfaces.context(Surfaces.full())));
        assertTrue(e.getMessage().contains("missing argument application_id"), e.getMessage());

        String other = "0195a3c1-7f00-7000-8000-00000000ffff";
        McpError notMine = assertThrows(McpError.class, () -> McpPrompts.get("triage_webhooks",
                Map.of("application_id", other), Surfaces.context(Surfaces.oneApplication())));
        assertTrue(notMine.getMessage().contains("application_id " + other + " is not this token's")
                && notMine.getMessage().contains(Surfaces.APP), notMine.getMessage());
    }

    @Test
    void debugFallsBackToTheSingleReadsAndSaysWhatCannotBeDone() {
        String text = DebugEventDeliveryPrompt.render(Surfaces.only(Set.of("get_event", "list_request_attempts")), Surfaces.APP,
                EVENT);
        assertEquals(Set.of("get_event", "list_request_attempts"), Surfaces.toolsNamedIn(text));
        assertTrue(text.contains("cannot change subscriptions"), text);
        assertTrue(text.contains("is_enabled: true") && text.contains("labels") && text.contains("\"url\""), text);
        String full = DebugEventDeliveryPrompt.render(Surfaces.full(), Surfaces.APP, EVENT);
        assertEquals(Set.of("explain_event_delivery", "list_subscriptions", "get_delivery_health",
                "list_failed_deliveries", "update_subscription", "replay_event", "send_test_event"), Surfaces.toolsNamedIn(full));
    }

    @Test
    void triageUsesTheBulkToolsWhenOfferedAndReadOnlyTokensGetNoWrites() {
        String full = TriageWebhooksPrompt.render(Surfaces.full(), Surfaces.APP);
        assertTrue(full.contains("replay_failed_events") && full.contains("dry_run:false"), full);
        String readOnly = TriageWebhooksPrompt.render(Surfaces.readOnly(), Surfaces.APP);
        assertFalse(readOnly.contains("replay_"), "a read-only token is never told to replay: " + readOnly);
        assertFalse(readOnly.contains("send_test_event"), readOnly);
        assertTrue(readOnly.contains("get_delivery_health") && readOnly.contains("list_failed_deliveries"),
                "read-only tokens get the new reads: " + readOnly);
        String attemptsOnly = TriageWebhooksPrompt.render(Surfaces.only(Set.of("list_request_attempts")), Surfaces.APP);
        assertEquals(Set.of("list_request_attempts"), Surfaces.toolsNamedIn(attemptsOnly),
                "falls back to the attempts: " + attemptsOnly);
    }

    @Test
    void subscriptionTextIsTheRealBody() {
        String text = CreateWebhookSubscriptionPrompt.render(Surfaces.full(), Surfaces.APP, "https://r.example/h",
                List.of("billing.invoice.paid"));
        assertTrue(text.contains("\"is_enabled\": true, \"event_types\": [\"billing.invoice.paid\"], \"labels\": {…},"
                + " \"target\": {\"type\": \"http\", \"method\": \"POST\", \"url\": \"https://r.example/h\","
                + " \"headers\": {}}"), text);
        assertTrue(text.contains("1-10 entries") && text.contains("service.resource_type.verb"), text);
        String bare = CreateWebhookSubscriptionPrompt.render(Surfaces.only(Set.of("create_subscription")), Surfaces.APP,
                "https://r.example/h", List.of("a.b.c"));
        assertEquals(Set.of("create_subscription"), Surfaces.toolsNamedIn(bare));
        assertTrue(bare.contains("cannot create event types"), bare);
    }

    @Test
    void argumentsAreChecked() {
        var context = Surfaces.context(Surfaces.full());
        Map<String, Map<String, Object>> bad = Map.of(
                "target_url", Map.of("application_id", Surfaces.APP, "target_url", "javascript:alert(1)",
                        "event_types", "a.b.c"),
                "event_types", Map.of("application_id", Surfaces.APP, "target_url", "https://x.example",
                        "event_types", " , "),
                "application_id", Map.of("application_id", "../x", "target_url", "https://x.example",
                        "event_types", "a.b.c"));
        bad.forEach((argument, args) -> {
            McpError e = assertThrows(McpError.class, () -> McpPrompts.get("create_webhook_subscription", args, context));
            assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, e.getJsonRpcError().code());
            assertTrue(e.getMessage().contains(argument), e.getMessage());
        });
        assertThrows(McpError.class, () -> McpPrompts.get("setup_application", Map.of("application_name", "x"), context));
        assertThrows(McpError.class, () -> McpPrompts.get("setup_application",
                Map.of("application_name", "line\nbreak"), context));
        // Values are written into the text as JSON strings.
        String text = text(McpPrompts.get("setup_application", Map.of("application_name", "a \"quoted\" name"),
                context));
        assertTrue(text.contains("\"name\": \"a \\\"quoted\\\" name\""), text);
    }

    @Test
    void reviewExplainsTheTokenAndHowToNarrowIt() {
        String text = ReviewTokenAccessPrompt.render(Surfaces.context(Surfaces.readOnly()).access().tokenInfo());
        assertTrue(text.contains("- mode: read-only"), text);
        assertTrue(text.contains("subscription:create: test token: subscription:create is not allowed"), text);
        assertTrue(text.contains(ReviewTokenAccessPrompt.READ_ONLY_CLAIM), text);
        assertTrue(text.contains("check if application_id(hex:") && text.contains("check if time($t), $t <"), text);
        assertTrue(text.contains("Service Tokens"), text);
        assertTrue(Set.copyOf(Surfaces.readOnly().enabledNames()).containsAll(Surfaces.toolsNamedIn(text)));
        String app = ReviewTokenAccessPrompt.render(Surfaces.context(Surfaces.oneApplication()).access().tokenInfo());
        assertTrue(app.contains("restricted to " + Surfaces.APP), app);
    }

    @Test
    void theReadOnlyClaimListsHook0sFifteenReadActions() {
        Set<String> reads = Set.of("organization:list", "organization:get", "application:list", "application:get",
                "event_type:list", "event_type:get", "subscription:list", "subscription:get", "event:list",
                "event:get", "request_attempt:list", "request_attempt:get", "response:get",
                "events_per_day:application", "events_per_day:organization");
        for (String action : reads) {
            assertTrue(ReviewTokenAccessPrompt.READ_ONLY_CLAIM.contains("\"" + action + "\""), action);
        }
        assertEquals(15, java.util.regex.Pattern.compile("\"[a-z_]+:[a-z_]+\"").matcher(ReviewTokenAccessPrompt.READ_ONLY_CLAIM)
                .results().count(), "no other action is allowed");
    }

    private static List<String> names(ToolSurface surface) {
        return McpPrompts.offered(surface).stream().map(McpSchema.Prompt::name).toList();
    }

    private static String text(McpSchema.GetPromptResult result) {
        assertEquals(1, result.messages().size());
        return ((McpSchema.TextContent) result.messages().get(0).content()).text();
    }
}

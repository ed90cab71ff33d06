package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.it.Results.JSON;
import static dev.hook0mcp.server.it.Results.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real server (in-process, through its entry point) over stdio against the sandbox, for three kinds of token (root, read-only claim, one application):
 * every hook0:// template resolves through the engine, bad or foreign URIs are refused without a request, prompts
 * name only tools the token has, and completions come from the sandbox's own data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourcesPromptsCompletionsIT {

    static final List<String> TEMPLATES = List.of("hook0://organizations",
            "hook0://organizations/{organization_id}/applications", "hook0://applications/{application_id}",
            "hook0://applications/{application_id}/event_types", "hook0://applications/{application_id}/subscriptions",
            "hook0://applications/{application_id}/events", "hook0://applications/{application_id}/events/{event_id}",
            "hook0://applications/{application_id}/events/{event_id}/attempts",
            "hook0://applications/{application_id}/responses/{response_id}",
            "hook0://applications/{application_id}/health");
    static final Set<String> ALL_PROMPTS = Set.of("debug_event_delivery", "create_webhook_subscription",
            "setup_application", "review_token_access", "triage_webhooks");
    static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private Sandbox sandbox;
    private InProcessServer root;
    private InProcessServer readOnly;
    private InProcessServer appOnly;
    private String org;
    private String app;
    private final List<ToolDefinition> catalogue = ToolCatalog.standard().tools();

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        org = sandbox.organizationId().toString();
        app = sandbox.applicationId().toString();
        String readOnlyToken = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        String appToken = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.application(sandbox.applicationId()));
        // The three launches overlap: start-up is most of this class's time.
        CompletableFuture<InProcessServer> r = launch(sandbox.rootToken());
        CompletableFuture<InProcessServer> ro = launch(readOnlyToken);
        CompletableFuture<InProcessServer> a = launch(appToken);
        root = r.join();
        readOnly = ro.join();
        appOnly = a.join();
    }

    private CompletableFuture<InProcessServer> launch(String token) {
        return CompletableFuture.supplyAsync(() -> InProcessServer.start(sandbox.baseUrl(), token, Map.of()));
    }

    @AfterAll
    void stop() {
        for (InProcessServer s : new InProcessServer[] {root, readOnly, appOnly}) {
            if (s != null) {
                s.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    // ---- resources ----

    @Test
    void capabilitiesDeclareResourcesPromptsAndCompletionsWithoutSubscriptions() {
        McpSchema.ServerCapabilities caps = root.initialized.capabilities();
        assertNotNull(caps.resources());
        assertFalse(Boolean.TRUE.equals(caps.resources().subscribe()));
        assertFalse(Boolean.TRUE.equals(caps.resources().listChanged()));
        assertNotNull(caps.prompts());
        assertFalse(Boolean.TRUE.equals(caps.prompts().listChanged()));
        assertNotNull(caps.completions());
    }

    @Test
    void rootGetsEveryTemplateAndTheOrganizationResources() {
        List<McpSchema.ResourceTemplate> templates = root.client.listResourceTemplates().resourceTemplates();
        assertEquals(Set.copyOf(TEMPLATES), templates.stream().map(McpSchema.ResourceTemplate::uriTemplate)
                .collect(Collectors.toSet()));
        templates.forEach(t -> assertEquals("application/json", t.mimeType(), t.uriTemplate()));
        assertEquals(Set.of("hook0://organizations", "hook0://organizations/" + org + "/applications"),
                resourceUris(root));
    }

    @Test
    void everyTemplateResolvesAgainstTheSandboxThroughTheEngine() {
        // Ids to fill the templates with, found through the tools.
        JsonNode attempts = ok(root.call("list_request_attempts", Map.of("application_id", app)));
        JsonNode withResponse = null;
        for (JsonNode a : attempts.get("items")) {
            if (a.hasNonNull("response_id") && a.hasNonNull("http_response_status")) { // a timeout has no body
                withResponse = a;
                break;
            }
        }
        assertNotNull(withResponse, "the sandbox seeds attempts with responses");
        Map<String, String> ids = Map.of("organization_id", org, "application_id", app,
                "event_id", withResponse.get("event_id").asText(), "response_id", withResponse.get("response_id").asText());

        Map<String, JsonNode> read = new HashMap<>();
        for (McpSchema.ResourceTemplate template : root.client.listResourceTemplates().resourceTemplates()) {
            String uri = expand(template.uriTemplate(), ids);
            McpSchema.ReadResourceResult result = root.client.readResource(new McpSchema.ReadResourceRequest(uri));
            assertEquals(1, result.contents().size(), uri);
            McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) result.contents().get(0);
            assertEquals(uri, contents.uri());
            assertEquals("application/json", contents.mimeType(), uri);
            read.put(template.uriTemplate(), parse(contents.text()));
        }
        assertEquals(Set.copyOf(TEMPLATES), read.keySet(), "every template was read");

        assertEquals(org, read.get(TEMPLATES.get(0)).at("/items/0/organization_id").asText());
        assertTrue(ids(read.get(TEMPLATES.get(1)), "application_id").contains(app));
        assertEquals(app, read.get(TEMPLATES.get(2)).get("application_id").asText());
        assertTrue(read.get(TEMPLATES.get(3)).get("count").asInt() > 0);
        JsonNode subscriptions = read.get(TEMPLATES.get(4));
        assertTrue(subscriptions.get("count").asInt() > 0);
        for (JsonNode sub : subscriptions.get("items")) {
            assertTrue(sub.get("secret").asText().startsWith("[redacted"), "secrets are redacted: " + sub);
            sub.path("target").path("headers").forEach(h -> assertTrue(h.asText().startsWith("[redacted"), sub.toString()));
        }
        JsonNode events = read.get(TEMPLATES.get(5));
        assertEquals(100, events.get("count").asInt(), "Hook0 lists the latest 100 events");
        assertTrue(events.has("untrusted_notice"), "events are marked as outside data");
        JsonNode event = read.get(TEMPLATES.get(6));
        assertEquals(ids.get("event_id"), event.get("event_id").asText());
        assertTrue(event.has("untrusted_notice"), event.toString());
        JsonNode eventAttempts = read.get(TEMPLATES.get(7));
        assertTrue(eventAttempts.get("count").asInt() > 0);
        eventAttempts.get("items").forEach(a -> assertEquals(ids.get("event_id"), a.get("event_id").asText(),
                "attempts are filtered by the event"));
        JsonNode response = read.get(TEMPLATES.get(8));
        assertEquals(ids.get("response_id"), response.get("response_id").asText());
        assertTrue(response.has("untrusted_notice"), "webhook responses are marked as outside data");
        JsonNode health = read.get(TEMPLATES.get(9));
        assertTrue(health.get("subscriptions").size() > 0 && health.has("now") && health.has("totals"), health.toString());

        // Same engine, same result as the tool.
        assertEquals(ok(root.call("list_event_types", Map.of("application_id", app))), read.get(TEMPLATES.get(3)));
        assertEquals(ok(root.call("list_subscriptions", Map.of("application_id", app))), subscriptions);
    }

    @Test
    void badOrForeignUrisAreRefusedWithoutARequest() {
        String someUuid = UUID.randomUUID().toString();
        Map<String, Integer> bad = Map.of(
                "hook0://applications/not-a-uuid", McpSchema.ErrorCodes.INVALID_PARAMS,
                "hook0://applications/" + app + "/events/not-a-uuid", McpSchema.ErrorCodes.INVALID_PARAMS,
                "hook0://applications/" + app + "?x=1", McpSchema.ErrorCodes.INVALID_PARAMS,
                "hook0://organizations/%2e%2e/applications", McpSchema.ErrorCodes.INVALID_PARAMS,
                "hook0://nope/x", McpSchema.ErrorCodes.RESOURCE_NOT_FOUND,
                "http://evil", McpSchema.ErrorCodes.RESOURCE_NOT_FOUND,
                "hook0://applications/" + someUuid + "/secrets", McpSchema.ErrorCodes.RESOURCE_NOT_FOUND,
                "hook0://applications/../organizations", McpSchema.ErrorCodes.RESOURCE_NOT_FOUND);
        sandbox.requestLog().clear();
        bad.forEach((uri, code) -> {
            McpError e = assertThrows(McpError.class,
                    () -> root.client.readResource(new McpSchema.ReadResourceRequest(uri)), uri);
            assertEquals(code, e.getJsonRpcError().code(), uri + ": " + e.getMessage());
            if (code == McpSchema.ErrorCodes.INVALID_PARAMS) {
                assertTrue(e.getMessage().contains("nothing was sent to Hook0"), e.getMessage());
            }
        });
        assertEquals(List.of(), sandbox.requestLog().entries(), "no request reached Hook0");
    }

    @Test
    void hook0RefusalIsAClearError() {
        String unknown = UUID.randomUUID().toString();
        McpError e = assertThrows(McpError.class, () -> root.client.readResource(
                new McpSchema.ReadResourceRequest("hook0://applications/" + unknown + "/subscriptions")));
        assertTrue(e.getMessage().contains("list_subscriptions") && e.getMessage().contains("403"), e.getMessage());
        assertFalse(e.getMessage().contains(sandbox.rootToken()));
    }

    @Test
    void readOnlyTokenStillGetsEveryTemplate() {
        assertEquals(Set.copyOf(TEMPLATES), readOnly.client.listResourceTemplates().resourceTemplates().stream()
                .map(McpSchema.ResourceTemplate::uriTemplate).collect(Collectors.toSet()));
        JsonNode types = parse(text(readOnly, "hook0://applications/" + app + "/event_types"));
        assertTrue(types.get("count").asInt() > 0);
    }

    @Test
    void applicationTokenListsItsOwnApplicationAndNoOrganizationResource() {
        assertEquals(Set.of("hook0://applications/" + app, "hook0://applications/" + app + "/event_types",
                "hook0://applications/" + app + "/subscriptions", "hook0://applications/" + app + "/events",
                "hook0://applications/" + app + "/health"), resourceUris(appOnly));
        Set<String> templates = appOnly.client.listResourceTemplates().resourceTemplates().stream()
                .map(McpSchema.ResourceTemplate::uriTemplate).collect(Collectors.toSet());
        assertEquals(TEMPLATES.stream().filter(t -> !t.startsWith("hook0://organizations")).collect(Collectors.toSet()),
                templates);
        for (String uri : resourceUris(appOnly)) {
            assertNotNull(parse(text(appOnly, uri)), uri);
        }
        assertEquals(app, parse(text(appOnly, "hook0://applications/" + app)).get("application_id").asText());
        sandbox.requestLog().clear();
        McpError e = assertThrows(McpError.class,
                () -> appOnly.client.readResource(new McpSchema.ReadResourceRequest("hook0://organizations")));
        assertEquals(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, e.getJsonRpcError().code());
        assertEquals(List.of(), sandbox.requestLog().entries());
    }

    // ---- prompts ----

    @Test
    void everyPromptNamesOnlyToolsTheTokenHas() {
        Map<String, String> args = Map.of("application_id", app, "event_id", anyEventId(), "target_url",
                "https://receiver.example/hook", "event_types", eventTypeNames(app).get(0), "organization_id", org,
                "application_name", "billing");
        Map<InProcessServer, Set<String>> expected = Map.of(root, ALL_PROMPTS,
                readOnly, Set.of("debug_event_delivery", "review_token_access", "triage_webhooks"),
                appOnly, Set.of("debug_event_delivery", "create_webhook_subscription", "review_token_access",
                        "triage_webhooks"));
        Set<String> catalogueNames = catalogue.stream().map(ToolDefinition::name).collect(Collectors.toSet());
        expected.forEach((server, prompts) -> {
            List<McpSchema.Prompt> listed = server.client.listPrompts().prompts();
            assertEquals(prompts, listed.stream().map(McpSchema.Prompt::name).collect(Collectors.toSet()));
            Set<String> enabled = Set.copyOf(server.toolNames());
            for (McpSchema.Prompt prompt : listed) {
                Map<String, Object> given = new HashMap<>();
                if (prompt.arguments() != null) {
                    prompt.arguments().forEach(a -> given.put(a.name(), args.get(a.name())));
                }
                String text = promptText(server, prompt.name(), given);
                Set<String> named = toolsNamedIn(text);
                assertTrue(catalogueNames.containsAll(named), named.toString());
                assertTrue(enabled.containsAll(named), () -> prompt.name() + " names tools this token does not have: "
                        + named.stream().filter(n -> !enabled.contains(n)).toList());
                if (!prompt.name().equals("review_token_access")) {
                    assertFalse(named.isEmpty(), prompt.name() + " names the tools to use");
                }
            }
        });
    }

    @Test
    void readOnlyTokenGetsNoWritePromptAndNoWriteTool() {
        McpError e = assertThrows(McpError.class, () -> readOnly.client.getPrompt(
                new McpSchema.GetPromptRequest("create_webhook_subscription", Map.of("application_id", app,
                        "target_url", "https://x.example", "event_types", "a.b.c"))));
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, e.getJsonRpcError().code());
        String debug = promptText(readOnly, "debug_event_delivery", Map.of("application_id", app, "event_id",
                anyEventId()));
        for (String write : List.of("update_subscription", "replay_event", "create_subscription")) {
            assertFalse(toolsNamedIn(debug).contains(write), debug);
        }
        assertTrue(debug.contains("cannot change subscriptions"), debug);
        String review = promptText(readOnly, "review_token_access", Map.of());
        assertTrue(review.contains("mode: read-only"), review);
        assertTrue(review.contains("subscription:create"), "off tools are named by their Hook0 action: " + review);
    }

    @Test
    void promptTextsSpeakOfTheRealFields() {
        String create = promptText(root, "create_webhook_subscription", Map.of("application_id", app,
                "target_url", "https://receiver.example/hook", "event_types", "billing.invoice.paid, billing.invoice.voided"));
        for (String s : List.of("\"target\": {\"type\": \"http\", \"method\": \"POST\", \"url\": "
                + "\"https://receiver.example/hook\", \"headers\": {}}", "labels", "1-10 entries", "is_enabled",
                "service.resource_type.verb", "[\"billing.invoice.paid\",\"billing.invoice.voided\"]")) {
            assertTrue(create.contains(s), "missing " + s + " in " + create);
        }
        String debug = promptText(root, "debug_event_delivery", Map.of("application_id", app, "event_id", anyEventId()));
        for (String s : List.of("explain_event_delivery", "target", "labels", "is_enabled", "replay_event")) {
            assertTrue(debug.contains(s), "missing " + s + " in " + debug);
        }
        String setup = promptText(root, "setup_application", Map.of("application_name", "billing"));
        assertTrue(setup.contains("\"organization_id\": \"" + org + "\""), "the token's organization is the default");
        assertTrue(setup.contains("labels") && setup.contains("target") && setup.contains("is_enabled"), setup);
        String review = promptText(root, "review_token_access", Map.of());
        assertTrue(review.contains("mode: full") && review.contains("Service Tokens")
                && review.contains("check if action($a), [\"organization:list\"") && review.contains("expiry"), review);
    }

    @Test
    void applicationTokenMakesApplicationIdOptional() {
        McpSchema.Prompt debug = appOnly.client.listPrompts().prompts().stream()
                .filter(p -> p.name().equals("debug_event_delivery")).findFirst().orElseThrow();
        assertFalse(debug.arguments().stream().filter(a -> a.name().equals("application_id")).findFirst()
                .orElseThrow().required());
        String event = anyEventId();
        String text = promptText(appOnly, "debug_event_delivery", Map.of("event_id", event));
        assertTrue(text.contains("\"application_id\": \"" + app + "\""), text);
        String review = promptText(appOnly, "review_token_access", Map.of());
        assertTrue(review.contains("restricted to " + app), review);
    }

    @Test
    void badPromptArgumentsAreRefused() {
        for (Map<String, Object> args : List.<Map<String, Object>>of(Map.of("application_id", app),
                Map.of("application_id", "nope", "event_id", anyEventId()))) {
            McpError e = assertThrows(McpError.class, () -> root.client.getPrompt(
                    new McpSchema.GetPromptRequest("debug_event_delivery", args)));
            assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, e.getJsonRpcError().code(), e.getMessage());
        }
        McpError e = assertThrows(McpError.class, () -> root.client.getPrompt(new McpSchema.GetPromptRequest(
                "create_webhook_subscription", Map.of("application_id", app, "target_url", "ftp://x",
                        "event_types", "a.b.c"))));
        assertTrue(e.getMessage().contains("target_url"), e.getMessage());
    }

    // ---- completions ----

    @Test
    void applicationIdsComeFromTheOrganizationFilteredByPrefix() {
        Set<String> all = Set.copyOf(ids(ok(root.call("list_applications", Map.of())), "application_id"));
        CompleteCompletion everything = complete(root, prompt("debug_event_delivery"), "application_id", "", Map.of());
        assertEquals(all, Set.copyOf(everything.values()));
        assertEquals(all.size(), everything.total());
        assertFalse(everything.hasMore());

        String prefix = app.substring(0, 4).toUpperCase(Locale.ROOT);
        CompleteCompletion some = complete(root, template("hook0://applications/{application_id}"), "application_id",
                prefix, Map.of());
        assertTrue(some.values().contains(app), some.values().toString());
        some.values().forEach(v -> assertTrue(v.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))));
        CompleteCompletion none = complete(root, prompt("debug_event_delivery"), "application_id", "zzz", Map.of());
        assertEquals(List.of(), none.values());
        assertEquals(0, none.total());
    }

    @Test
    void organizationIdComesFromTheToken() {
        assertEquals(List.of(org), complete(root, prompt("setup_application"), "organization_id", "", Map.of()).values());
        assertEquals(List.of(org), complete(root, template("hook0://organizations/{organization_id}/applications"),
                "organization_id", org.substring(0, 2), Map.of()).values());
    }

    @Test
    void eventTypeNamesComeFromTheApplication() {
        List<String> names = eventTypeNames(app);
        CompleteCompletion all = complete(root, prompt("create_webhook_subscription"), "event_types", "",
                Map.of("application_id", app));
        assertEquals(names, all.values());
        String first = names.get(0);
        String prefix = first.substring(0, first.indexOf('.') + 1);
        CompleteCompletion some = complete(root, prompt("create_webhook_subscription"), "event_types", prefix,
                Map.of("application_id", app));
        assertEquals(names.stream().filter(n -> n.startsWith(prefix)).toList(), some.values());
        // In a comma-separated list the last name is completed and the ones before are kept.
        CompleteCompletion next = complete(root, prompt("create_webhook_subscription"), "event_types", first + ", ",
                Map.of("application_id", app));
        assertFalse(next.values().isEmpty());
        next.values().forEach(v -> assertTrue(v.startsWith(first + ", ") && !v.equals(first + ", " + first), v));
        // The application token needs no application_id in the context.
        assertEquals(names, complete(appOnly, prompt("create_webhook_subscription"), "event_types", "", Map.of())
                .values());
    }

    @Test
    void completionsAreCappedAt100WithAnHonestTotal() throws Exception {
        // The second seeded application gets 105 more event types; nothing else in this class reads them.
        // Created straight through the sandbox's HTTP API: this is set-up, not what is tested.
        String second = sandbox.secondApplicationId().toString();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 105; i++) {
            String body = "{\"application_id\":\"" + second + "\",\"service\":\"svc\",\"resource_type\":\"thing" + i
                    + "\",\"verb\":\"made\"}";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create(sandbox.baseUrl() + "/api/v1/event_types"))
                    .header("Authorization", "Bearer " + sandbox.rootToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
        }
        CompleteCompletion types = complete(root, prompt("create_webhook_subscription"), "event_types", "SVC.",
                Map.of("application_id", second));
        assertEquals(100, types.values().size());
        assertEquals(105, types.total());
        assertTrue(types.hasMore());
        types.values().forEach(v -> assertTrue(v.startsWith("svc."), v));
        CompleteCompletion narrow = complete(root, prompt("create_webhook_subscription"), "event_types", "svc.thing10",
                Map.of("application_id", second));
        assertEquals(Set.of("svc.thing10.made", "svc.thing100.made", "svc.thing101.made", "svc.thing102.made",
                "svc.thing103.made", "svc.thing104.made"), Set.copyOf(narrow.values()));
        assertEquals(6, narrow.total());
        assertFalse(narrow.hasMore());
        CompleteCompletion events = complete(root, template("hook0://applications/{application_id}/events/{event_id}"),
                "event_id", "", Map.of("application_id", app));
        assertEquals(100, events.values().size(), "list_events gives the latest 100");
        assertEquals(ids(ok(root.call("list_events", Map.of("application_id", app))), "event_id"), events.values());
    }

    @Test
    void applicationTokenCompletesItsOwnApplicationWithoutARequest() {
        sandbox.requestLog().clear();
        assertEquals(List.of(app), complete(appOnly, prompt("debug_event_delivery"), "application_id", "", Map.of())
                .values());
        assertEquals(List.of(), sandbox.requestLog().entries());
    }

    @Test
    void completionFailuresGiveAnEmptyList() {
        for (Map<String, String> context : List.of(Map.of("application_id", UUID.randomUUID().toString()),
                Map.of("application_id", "not-a-uuid"), Map.<String, String>of())) {
            CompleteCompletion c = complete(root, prompt("create_webhook_subscription"), "event_types", "",
                    context);
            assertEquals(List.of(), c.values(), context.toString());
        }
        assertEquals(List.of(), complete(root, prompt("create_webhook_subscription"), "target_url", "http", Map.of())
                .values());
    }

    // ---- helpers ----

    private static McpSchema.CompleteReference prompt(String name) {
        return new McpSchema.PromptReference(name);
    }

    private static McpSchema.CompleteReference template(String uri) {
        return new McpSchema.ResourceReference(uri);
    }

    private static CompleteCompletion complete(InProcessServer server, McpSchema.CompleteReference ref, String argument,
            String value, Map<String, String> context) {
        McpSchema.CompleteResult result = server.client.completeCompletion(new McpSchema.CompleteRequest(ref,
                new McpSchema.CompleteRequest.CompleteArgument(argument, value),
                new McpSchema.CompleteRequest.CompleteContext(context)));
        CompleteCompletion c = result.completion();
        assertTrue(c.values().size() <= 100);
        if (c.total() != null) {
            assertTrue(c.total() >= c.values().size());
            assertEquals(c.total() > c.values().size(), Boolean.TRUE.equals(c.hasMore()));
        } else {
            assertNull(c.hasMore());
        }
        return c;
    }

    private static String promptText(InProcessServer server, String name, Map<String, Object> args) {
        McpSchema.GetPromptResult result = server.client.getPrompt(new McpSchema.GetPromptRequest(name, args));
        StringBuilder s = new StringBuilder();
        for (McpSchema.PromptMessage m : result.messages()) {
            assertEquals(McpSchema.Role.USER, m.role());
            s.append(((McpSchema.TextContent) m.content()).text());
        }
        return s.toString();
    }

    /** Catalogue tool names the text mentions as whole words. */
    private Set<String> toolsNamedIn(String text) {
        Set<String> named = new LinkedHashSet<>();
        for (ToolDefinition tool : catalogue) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(tool.name()) + "(?![A-Za-z0-9_])").matcher(text)
                    .find()) {
                named.add(tool.name());
            }
        }
        return named;
    }

    private String anyEventId() {
        return ok(root.call("list_events", Map.of("application_id", app))).at("/items/0/event_id").asText();
    }

    private List<String> eventTypeNames(String application) {
        return ids(ok(root.call("list_event_types", Map.of("application_id", application))), "event_type_name");
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(i -> out.add(i.get(field).asText()));
        return out;
    }

    private static Set<String> resourceUris(InProcessServer server) {
        return server.client.listResources().resources().stream().map(McpSchema.Resource::uri)
                .collect(Collectors.toSet());
    }

    private static String text(InProcessServer server, String uri) {
        McpSchema.ReadResourceResult r = server.client.readResource(new McpSchema.ReadResourceRequest(uri));
        return ((McpSchema.TextResourceContents) r.contents().get(0)).text();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}

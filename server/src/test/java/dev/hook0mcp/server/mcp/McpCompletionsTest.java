package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.access.TokenDefaults;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpCompletionsTest {

    private Sandbox sandbox;
    private final AtomicLong now = new AtomicLong(1_000_000);

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private McpCompletions completions(String applicationRestriction) {
        ToolSurface surface = Surfaces.surface(t -> true,
                new TokenDefaults(sandbox.organizationId().toString(), applicationRestriction));
        CallContext context = Surfaces.context(surface, sandbox.baseUrl(), sandbox.rootToken());
        return new McpCompletions(Surfaces.executor(), context, now::get);
    }

    @Test
    void filterIsACaseInsensitivePrefixMatchCappedAt100() {
        List<String> many = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "Svc.thing" + i + ".made").toList());
        many.add("other.a.b");
        many.add("Svc.thing1.made"); // a duplicate is counted once
        CompleteCompletion all = McpCompletions.filter(many, "svc.");
        assertEquals(100, all.values().size());
        assertEquals(150, all.total());
        assertTrue(all.hasMore());
        assertEquals("Svc.thing0.made", all.values().get(0), "order is kept");
        CompleteCompletion few = McpCompletions.filter(many, "SVC.THING14");
        assertEquals(List.of("Svc.thing14.made", "Svc.thing140.made", "Svc.thing141.made", "Svc.thing142.made",
                "Svc.thing143.made", "Svc.thing144.made", "Svc.thing145.made", "Svc.thing146.made",
                "Svc.thing147.made", "Svc.thing148.made", "Svc.thing149.made"), few.values());
        assertEquals(11, few.total());
        assertFalse(few.hasMore());
        CompleteCompletion none = McpCompletions.filter(many, "zz");
        assertEquals(List.of(), none.values());
        assertEquals(0, none.total());
        assertFalse(none.hasMore());
        assertEquals(152 - 1, McpCompletions.filter(many, null).total());
    }

    @Test
    void valuesComeFromTheTokenAndTheEngine() {
        McpCompletions c = completions(null);
        assertEquals(Set.of(sandbox.applicationId().toString(), sandbox.secondApplicationId().toString()),
                Set.copyOf(c.complete("application_id", "", Map.of()).values()));
        assertEquals(List.of(sandbox.organizationId().toString()), c.complete("organization_id", "", Map.of()).values());
        List<String> types = c.complete("event_types", "", Map.of("application_id", sandbox.applicationId().toString()))
                .values();
        assertFalse(types.isEmpty());
        types.forEach(t -> assertEquals(3, t.split("\\.").length, "service.resource_type.verb: " + t));
        assertEquals(100, c.complete("event_id", "", Map.of("application_id", sandbox.applicationId().toString()))
                .values().size());
        assertEquals(List.of(), c.complete("target_url", "h", Map.of()).values());
    }

    @Test
    void anApplicationTokenAnswersWithItsApplication() {
        String app = sandbox.applicationId().toString();
        sandbox.requestLog().clear();
        assertEquals(List.of(app), completions(app).complete("application_id", "", Map.of()).values());
        assertEquals(List.of(), sandbox.requestLog().entries());
        assertFalse(completions(app).complete("event_types", "", Map.of()).values().isEmpty(),
                "the token's application is the default");
    }

    @Test
    void listsAreKeptForAFewSeconds() {
        McpCompletions c = completions(null);
        sandbox.requestLog().clear();
        c.complete("application_id", "", Map.of());
        c.complete("application_id", "7", Map.of());
        assertEquals(1, sandbox.requestLog().size());
        now.addAndGet(McpCompletions.CACHE_MILLIS + 1);
        c.complete("application_id", "", Map.of());
        assertEquals(2, sandbox.requestLog().size());
    }

    @Test
    void failuresGiveAnEmptyList() {
        McpCompletions c = completions(null);
        for (Map<String, String> known : List.of(Map.of("application_id", UUID.randomUUID().toString()),
                Map.of("application_id", "../x"), Map.<String, String>of())) {
            assertEquals(List.of(), c.complete("event_types", "", known).values(), known.toString());
        }
        McpSchema.CompleteResult noContext = c.complete(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("debug_event_delivery"),
                new McpSchema.CompleteRequest.CompleteArgument("event_id", "")));
        assertEquals(List.of(), noContext.completion().values());
        CallContext unreachable = Surfaces.context(Surfaces.full());
        assertEquals(List.of(), new McpCompletions(Surfaces.executor(), unreachable)
                .complete("application_id", "", Map.of()).values());
    }

    @Test
    void commaSeparatedEventTypesCompleteTheLastName() {
        McpCompletions c = completions(null);
        Map<String, String> known = Map.of("application_id", sandbox.applicationId().toString());
        List<String> all = c.complete("event_types", "", known).values();
        String first = all.get(0);
        List<String> next = c.complete("event_types", first + ",", known).values();
        assertEquals(all.size() - 1, next.size(), "a name already given is not offered again");
        next.forEach(v -> assertTrue(v.startsWith(first + ",") && !v.substring(first.length() + 1).equals(first), v));
    }

    @Test
    void aLongTypedValueGetsNoSuggestionsRatherThanAHundredCopiesOfIt() {
        McpCompletions c = completions(null);
        Map<String, String> known = Map.of("application_id", sandbox.applicationId().toString());
        String first = c.complete("event_types", "", known).values().get(0);
        String justUnder = (first + ",").repeat(McpCompletions.MAX_TYPED_CHARS / (first.length() + 1));
        assertFalse(c.complete("event_types", justUnder, known).values().isEmpty(), "a long but plausible list");
        String tooLong = "x".repeat(McpCompletions.MAX_TYPED_CHARS - 1) + ",";
        assertTrue(tooLong.length() == McpCompletions.MAX_TYPED_CHARS);
        assertFalse(c.complete("event_types", tooLong, known).values().isEmpty());
        assertEquals(0, c.complete("event_types", tooLong + "x".repeat(1_000_000), known).total());
    }

    @Test
    void specificationsCoverPromptsAndTemplatesWithCompletableArguments() {
        McpCompletions c = completions(null);
        ToolSurface full = Surfaces.full();
        var specs = c.specifications(McpPrompts.offered(full), McpResources.offered(full));
        assertEquals(4 + 9, specs.size(), "4 prompts with arguments, 9 templates with variables");
        assertEquals(List.of(), c.specifications(McpPrompts.offered(Surfaces.only(Set.of())), List.of()));
    }
}

package dev.hook0mcp.server.mcp;

import dev.hook0mcp.catalog.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolExecutor;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code completion/complete} for prompt arguments and resource-template variables. Values come from the token
 * (its organization, its application when restricted) or from the engine (list_applications, list_event_types,
 * list_events), so they are what this token can see. At most 100 values, those starting with what was typed
 * (ignoring case), with {@code total} and {@code hasMore} saying how many matched. Any failure gives an empty list.
 * Lists read through the engine are kept for a few seconds: a client asks again at every keystroke.
 */
public final class McpCompletions {

    static final int MAX_VALUES = 100;
    static final long CACHE_MILLIS = 5_000;
    private static final int CACHE_ENTRIES = 64;
    private static final Logger log = LoggerFactory.getLogger(McpCompletions.class);

    /**
     * Longer typed values get no suggestions: an event type list's values repeat what was typed before the last
     * comma, so a megabyte typed would be answered with a hundred megabytes.
     */
    static final int MAX_TYPED_CHARS = 1_000;
    /** Arguments and variables this server can complete. */
    static final Set<String> COMPLETABLE = Set.of("application_id", "organization_id", "event_id", "event_types");

    private record Cached(long until, List<String> values) {}

    private final ToolExecutor executor;
    private final CallContext context;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public McpCompletions(ToolExecutor executor, CallContext context) {
        this(executor, context, System::currentTimeMillis);
    }

    McpCompletions(ToolExecutor executor, CallContext context, LongSupplier clock) {
        this.executor = executor;
        this.context = context;
        this.clock = clock;
    }

    /**
     * One specification per offered prompt and resource template that has an argument this server can complete.
     */
    public List<SyncCompletionSpecification> specifications(List<McpSchema.Prompt> prompts,
            List<ResourceTable.Entry> templates) {
        List<SyncCompletionSpecification> out = new ArrayList<>();
        for (McpSchema.Prompt prompt : prompts) {
            boolean any = prompt.arguments() != null
                    && prompt.arguments().stream().anyMatch(a -> COMPLETABLE.contains(a.name()));
            if (any) {
                out.add(new SyncCompletionSpecification(new McpSchema.PromptReference(prompt.name()),
                        (exchange, request) -> complete(request)));
            }
        }
        for (ResourceTable.Entry entry : templates) {
            if (entry.variables().stream().anyMatch(COMPLETABLE::contains)) {
                out.add(new SyncCompletionSpecification(new McpSchema.ResourceReference(entry.uriTemplate()),
                        (exchange, request) -> complete(request)));
            }
        }
        return out;
    }

    /** The answer to one request; never throws. */
    public McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
        try {
            String name = request.argument().name();
            String typed = request.argument().value() == null ? "" : request.argument().value();
            Map<String, String> known = request.context() == null || request.context().arguments() == null
                    ? Map.of() : request.context().arguments();
            return new McpSchema.CompleteResult(complete(name, typed, known));
        } catch (RuntimeException e) {
            log.warn("completion failed: {}", e.toString());
            return new McpSchema.CompleteResult(new CompleteCompletion(List.of(), 0, false));
        }
    }

    CompleteCompletion complete(String argument, String typed, Map<String, String> known) {
        if (typed.length() > MAX_TYPED_CHARS) {
            // Nothing that long is an id or a list of event type names, and each value echoes what was typed.
            return new CompleteCompletion(List.of(), 0, false);
        }
        return switch (argument) {
            case "application_id" -> filter(applicationIds(), typed);
            case "organization_id" -> filter(organizationIds(), typed);
            case "event_id" -> filter(listed("list_events", applicationArgs(known), "event_id"), typed);
            case "event_types" -> eventTypes(typed, known);
            default -> filter(List.of(), typed);
        };
    }

    /** The last comma-separated name is completed; the names before it are kept as typed. */
    private CompleteCompletion eventTypes(String typed, Map<String, String> known) {
        int comma = typed.lastIndexOf(',');
        String head = typed.substring(0, comma + 1);
        String tail = typed.substring(comma + 1);
        String lead = tail.substring(0, tail.length() - tail.stripLeading().length());
        Set<String> already = new HashSet<>();
        for (String given : head.split(",")) {
            already.add(given.strip());
        }
        List<String> names = listed("list_event_types", applicationArgs(known), "event_type_name").stream()
                .filter(n -> !already.contains(n)).toList();
        CompleteCompletion matched = filter(names, tail.stripLeading());
        return new CompleteCompletion(matched.values().stream().map(v -> head + lead + v).toList(),
                matched.total(), matched.hasMore());
    }

    /** Case-insensitive prefix filter, capped at 100, duplicates dropped, order kept. */
    static CompleteCompletion filter(List<String> candidates, String typed) {
        String prefix = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>(new LinkedHashSet<>(candidates)).stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        List<String> values = matches.size() <= MAX_VALUES ? matches : matches.subList(0, MAX_VALUES);
        return new CompleteCompletion(List.copyOf(values), matches.size(), matches.size() > values.size());
    }

    private List<String> applicationIds() {
        String restricted = surface().defaults().applicationId();
        if (restricted != null) {
            return List.of(restricted);
        }
        return listed("list_applications", Map.of(), "application_id");
    }

    private List<String> organizationIds() {
        String org = surface().defaults().organizationId();
        return org == null ? List.of() : List.of(org);
    }

    /** The application the caller already chose, else the token's; empty when neither is known. */
    private Map<String, Object> applicationArgs(Map<String, String> known) {
        String app = known.get("application_id");
        if (app == null || app.isBlank()) {
            app = surface().defaults().applicationId();
        }
        if (app == null || !Uuids.isUuid(app.strip())) {
            return null;
        }
        return Map.of("application_id", app.strip());
    }

    /** One field of every item a list tool returns, through the engine; empty when the tool is off or fails. */
    private List<String> listed(String tool, Map<String, Object> arguments, String field) {
        if (arguments == null || !surface().isEnabled(tool)) {
            return List.of();
        }
        String key = tool + " " + new LinkedHashMap<>(arguments);
        long now = clock.getAsLong();
        Cached cached = cache.get(key);
        if (cached != null && cached.until() > now) {
            return cached.values();
        }
        ToolOutcome outcome = executor.call(tool, arguments, context);
        if (outcome.error()) {
            log.debug("completion via {} failed: {}", tool, outcome.structured().path("message").asText());
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : outcome.structured().path("items")) {
            JsonNode value = item.get(field);
            if (value != null && value.isTextual()) {
                values.add(value.asText());
            }
        }
        if (cache.size() >= CACHE_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(now + CACHE_MILLIS, List.copyOf(values)));
        return values;
    }

    private ToolSurface surface() {
        return context.surface();
    }
}

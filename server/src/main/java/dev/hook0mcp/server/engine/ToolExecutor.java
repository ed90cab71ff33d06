package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.access.TokenDefaults;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.results.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Binding;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.hook0.Deadline;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.hook0.LargeAnswers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic engine: a tool call is checked against the caller's surface and the tool's input schema, completed
 * with the token's defaults, and handed to the handler its binding names. Whatever happens, the caller gets a
 * result; bad input never reaches Hook0.
 */
public final class ToolExecutor {

    private static final Logger log = LoggerFactory.getLogger(ToolExecutor.class);

    private final ToolCatalog catalog;
    private final ArgumentValidator validator = new ArgumentValidator();
    private final HttpToolHandler http;
    private final ToolHandler readMergePut;
    private final Map<String, ToolHandler> composites;
    private final Duration callTimeout;
    private final CallerShares shares = new CallerShares();

    public ToolExecutor(ToolCatalog catalog, ResultShaper shaper, Map<String, ToolHandler> composites) {
        this(catalog, shaper, composites, Duration.ofSeconds(60));
    }

    /** @param callTimeout the deadline of one tool call: all its Hook0 requests, retries and waits share it */
    public ToolExecutor(ToolCatalog catalog, ResultShaper shaper, Map<String, ToolHandler> composites,
            Duration callTimeout) {
        this.catalog = catalog;
        this.callTimeout = callTimeout;
        this.http = new HttpToolHandler(shaper);
        this.readMergePut = new ReadMergePutHandler(http);
        this.composites = Map.copyOf(composites);
        for (ToolDefinition tool : catalog.tools()) {
            if (tool.binding().kind() == Binding.Kind.COMPOSITE && !composites.containsKey(tool.binding().handler())) {
                throw new IllegalStateException(tool.name() + " names an unknown handler: " + tool.binding().handler());
            }
        }
    }

    /** Told of every call's outcome (for metrics): the tool name, whether it is known, and the outcome. */
    public interface Observer {
        Observer NONE = (tool, outcome) -> { };

        void called(String tool, ToolOutcome outcome);
    }

    private volatile Observer observer = Observer.NONE;

    /** Replaces the observer (one per executor). */
    public void observe(Observer observer) {
        this.observer = observer == null ? Observer.NONE : observer;
    }

    public ToolOutcome call(String toolName, Map<String, Object> rawArguments, CallContext caller) {
        ToolOutcome outcome = caller.withoutToken(callUnobserved(toolName, rawArguments, caller));
        observer.called(catalog.find(toolName).isPresent() ? toolName : "(unknown)", outcome);
        return outcome;
    }

    private ToolOutcome callUnobserved(String toolName, Map<String, Object> rawArguments, CallContext caller) {
        CallContext context = caller.withDeadline(Deadline.after(callTimeout));
        Optional<ToolDefinition> found = catalog.find(toolName);
        if (found.isEmpty()) {
            return ErrorResults.notAvailable(toolName, "there is no such tool");
        }
        ToolDefinition tool = found.get();
        Optional<ToolSurface.Decision> decision = context.surface().decision(toolName);
        if (decision.isEmpty() || !decision.get().enabled()) {
            return ErrorResults.notAvailable(toolName,
                    decision.map(ToolSurface.Decision::reason).orElse("it is not offered to this token"));
        }
        java.util.concurrent.Semaphore slot;
        try {
            slot = shares.enter(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot = null;
        }
        if (slot == null) {
            return CallerShares.busy(toolName);
        }
        try (LargeAnswers.Call turn = LargeAnswers.begin()) {
            return run(tool, rawArguments, context);
        } finally {
            slot.release();
        }
    }

    private ToolOutcome run(ToolDefinition tool, Map<String, Object> rawArguments, CallContext context) {
        String toolName = tool.name();
        ObjectNode arguments = Json.object();
        try {
            arguments = toObject(rawArguments);
            validator.validate(context.surface(), toolName, arguments);
            applyDefaults(tool, arguments, context.surface().defaults());
            if (tool.binding().kind() != Binding.Kind.READ_MERGE_PUT) {
                RedactedPlaceholders.refuse(arguments);
            }
            Optional<ToolOutcome> notConfirmed = DeleteConfirmation.check(tool, arguments, context);
            if (notConfirmed.isPresent()) {
                return notConfirmed.get();
            }
            return handlerFor(tool).handle(tool, arguments, context);
        } catch (ArgumentException e) {
            return ErrorResults.fromArguments(tool, e.getMessage(), e.problems());
        } catch (Hook0TransportException e) {
            log.warn("{}: {}", toolName, e.getMessage());
            return ErrorResults.transport(tool, e, arguments);
        } catch (SuccessBody.UnreadableAnswerException e) {
            log.warn("{}: Hook0 at {} {}", toolName, context.client().apiUrl(), e.getMessage());
            return ErrorResults.unreadable(tool, context.client().apiUrl(), e, arguments);
        } catch (RuntimeException e) {
            log.error("{} failed", toolName, e);
            return ErrorResults.internal(tool, e.getClass().getSimpleName(), arguments);
        } catch (OutOfMemoryError e) {
            // Left to the SDK, the error ends the worker thread and the call is never answered. What this call
            // allocated is unreachable once this frame unwinds, so the heap recovers and the caller is told.
            log.warn("{}: out of memory while handling Hook0's answer ({})", toolName, e.getMessage());
            return ErrorResults.outOfMemory(tool, arguments);
        }
    }

    private ToolHandler handlerFor(ToolDefinition tool) {
        return switch (tool.binding().kind()) {
            case HTTP -> http;
            case READ_MERGE_PUT -> readMergePut;
            case COMPOSITE -> composites.get(tool.binding().handler());
        };
    }

    private static ObjectNode toObject(Map<String, Object> raw) {
        if (raw == null) {
            return Json.object();
        }
        JsonNode node = Json.MAPPER.valueToTree(raw);
        if (!node.isObject()) {
            throw new ArgumentException("arguments must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * Fills what the token decides (its application, when restricted to one). An argument naming another value
     * than the token's own is refused here: Hook0 would answer 403 without saying why.
     */
    private static void applyDefaults(ToolDefinition tool, ObjectNode arguments, TokenDefaults defaults) {
        tool.binding().defaults().forEach((argument, source) -> {
            JsonNode given = arguments.get(argument);
            Optional<String> own = defaults.lookup(source);
            if (given == null || given.isNull()) {
                own.ifPresent(value -> arguments.put(argument, value));
            } else if (own.isPresent() && given.isTextual() && !own.get().equalsIgnoreCase(given.asText())) {
                throw new ArgumentException(argument + ": this token is restricted to " + argument.replace("_id", "")
                        + " " + own.get() + ", so " + given.asText() + " is out of its reach (nothing was sent to"
                        + " Hook0); leave " + argument + " out to use the token's own");
            }
        });
    }
}

package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.results.Pagination;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.results.ToolOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one bounded walk over the delivery attempts of a window that the delivery tools share: Hook0's
 * {@code GET /request_attempts} filtered by min/max_created_at (and optionally a subscription and event types),
 * page after page (50 each, newest first) until the end, {@code cap} attempts, or too little of the call's deadline
 * is left — and it says which. The attempts route binds the arguments {@code application_id}, {@code since},
 * {@code until}, {@code subscription_id}, {@code event_type_names} (comma-separated) and {@code page_cursor}.
 */
final class AttemptWalk {

    static final int DEFAULT_CAP = 2_000;
    static final int HARD_CAP = 10_000;
    /** A page is not requested with less of the call's deadline left than this (the answer must still be built). */
    static final long DEADLINE_RESERVE_MS = 5_000;

    /** What the walk read; {@code error} is set (and nothing else is meaningful) when Hook0 refused a page. */
    record Result(List<JsonNode> attempts, boolean complete, String stoppedBecause, ToolOutcome error) {

        int scanned() {
            return attempts.size();
        }

        /** {@code complete} and {@code scanned}, and why the walk stopped early when it did. */
        void describe(ObjectNode result) {
            result.put("complete", complete);
            result.put("scanned", scanned());
            if (!complete) {
                result.put("stopped", stoppedBecause);
            }
        }
    }

    private AttemptWalk() {}

    /** The cap a call asked for with {@code max_attempts}, within 1..{@link #HARD_CAP}. */
    static int cap(ObjectNode arguments) {
        int asked = arguments.path("max_attempts").asInt(DEFAULT_CAP);
        return Math.max(1, Math.min(HARD_CAP, asked));
    }

    /** The page arguments of a window walk: the application, the window and the optional filters given. */
    static ObjectNode pageArguments(String applicationId, DeliveryWindow window, ObjectNode arguments) {
        ObjectNode page = Json.object().put("application_id", applicationId)
                .put("since", window.since().toString()).put("until", window.until().toString());
        if (arguments.hasNonNull("subscription_id")) {
            page.put("subscription_id", arguments.get("subscription_id").asText());
        }
        JsonNode types = arguments.get("event_type_names");
        if (types != null && types.isArray() && !types.isEmpty()) {
            List<String> names = new ArrayList<>();
            types.forEach(t -> names.add(t.asText()));
            page.put("event_type_names", String.join(",", names));
        } else if (types != null && types.isTextual() && !types.asText().isBlank()) {
            page.put("event_type_names", types.asText());
        }
        return page;
    }

    static Result walk(ToolDefinition tool, Route attempts, ObjectNode pageArguments, int cap, CallContext context,
            ObjectNode callArguments) throws Hook0TransportException {
        ObjectNode args = pageArguments.deepCopy();
        List<JsonNode> read = new ArrayList<>();
        while (true) {
            if (read.size() >= cap) {
                return new Result(read, false, "read the cap of " + cap + " attempts (max_attempts, at most "
                        + HARD_CAP + "); figures cover the newest " + read.size() + " of the window", null);
            }
            // the first page is always asked for: a short call timeout still gets an answer (or Hook0's error)
            if (!read.isEmpty() && context.deadline().remainingMillis() < DEADLINE_RESERVE_MS) {
                return new Result(read, false, "the call's deadline was near after " + read.size()
                        + " attempts; figures cover the newest part of the window (narrow it with since)", null);
            }
            Hook0Response page = context.send(RequestBuilder.build(attempts, args));
            if (!page.isSuccess()) {
                return new Result(List.of(), false, null, ErrorResults.fromResponse(tool, page, callArguments));
            }
            JsonNode items = SuccessBody.array(page);
            for (JsonNode a : items) {
                if (read.size() < cap) {
                    read.add(a);
                }
            }
            Optional<String> cursor = Pagination.nextCursor(page);
            if (items.isEmpty() || cursor.isEmpty()) {
                return new Result(read, true, null, null);
            }
            args.put("page_cursor", cursor.get());
        }
    }
}

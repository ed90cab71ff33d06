package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ToolOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * list_failed_deliveries: the unresolved failures of a window ({@link AttemptWalk}, {@link DeliveryPairs}), one
 * row per (event, subscription) whose latest attempt failed or whose retry is still due, newest first, a page of
 * at most {@link #PAGE_ROWS} rows that fits the size budget, and a cursor pinned to the first page's window.
 * Routes (catalogue order): attempts, response.
 */
public final class ListFailedDeliveriesHandler implements ToolHandler {

    static final int PAGE_ROWS = 50;
    /** Room kept under the size budget for the members after the rows. */
    private static final int RESERVE = 800;

    private final Clock clock;
    private final int maxResultBytes;

    public ListFailedDeliveriesHandler(Clock clock, int maxResultBytes) {
        this.clock = clock;
        this.maxResultBytes = maxResultBytes;
    }

    /** Newest last attempt first; ties by event, then subscription. */
    static final Comparator<DeliveryPairs.Pair> NEWEST_FIRST = Comparator
            .comparing((DeliveryPairs.Pair p) -> DeliveryPairs.instant(p.lastAttemptAt())).reversed()
            .thenComparing(p -> p.eventId).thenComparing(p -> p.subscriptionId);

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        List<Route> routes = tool.binding().routes();
        String app = arguments.path("application_id").asText();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        FailedListCursor after = arguments.hasNonNull("cursor")
                ? FailedListCursor.decode(arguments.get("cursor").asText()) : null;
        DeliveryWindow window = after != null ? after.window() : DeliveryWindow.of(arguments, now);

        AttemptWalk.Result walk = AttemptWalk.walk(tool, routes.get(0),
                AttemptWalk.pageArguments(app, window, arguments), AttemptWalk.cap(arguments), context, arguments);
        if (walk.error() != null) {
            return walk.error();
        }
        List<DeliveryPairs.Pair> failed = new ArrayList<>();
        int recovered = 0;
        int scheduled = 0;
        for (DeliveryPairs.Pair p : DeliveryPairs.of(walk.attempts())) {
            DeliveryPairs.State state = p.state();
            if (state == DeliveryPairs.State.RECOVERED) {
                recovered++;
            } else if (p.unresolved()) {
                failed.add(p);
                scheduled += state == DeliveryPairs.State.RETRY_SCHEDULED ? 1 : 0;
            }
        }
        failed.sort(NEWEST_FIRST);

        ObjectNode result = Json.object();
        result.put("now", now.toString());
        window.describe(result);
        walk.describe(result);
        result.put("failed", failed.size());
        result.put("retry_scheduled", scheduled);
        result.put("gave_up", failed.size() - scheduled);
        result.put("recovered", recovered);
        ArrayNode items = result.putArray("items");

        FailureCauses causes = new FailureCauses(routes.get(1), app, context);
        int start = 0;
        if (after != null) {
            while (start < failed.size() && NEWEST_FIRST.compare(failed.get(start), marker(after)) <= 0) {
                start++;
            }
        }
        int end = start;
        while (end < failed.size() && items.size() < PAGE_ROWS) {
            ObjectNode row = row(failed.get(end), causes);
            if (items.size() > 0 && Json.byteSize(result) + Json.byteSize(row) > maxResultBytes - RESERVE) {
                break;
            }
            items.add(row);
            end++;
        }
        result.put("count", items.size());
        if (end < failed.size() && end > start) {
            DeliveryPairs.Pair last = failed.get(end - 1);
            result.put("next_cursor", new FailedListCursor(window, DeliveryPairs.instant(last.lastAttemptAt()), last.eventId,
                    last.subscriptionId).encode());
        }
        ArrayNode next = result.putArray("next_steps");
        if (result.has("next_cursor")) {
            next.add("More rows: call again with cursor=next_cursor (same filters).");
        }
        if (!failed.isEmpty() && context.surface().isEnabled("get_response")) {
            next.add("get_response (application_id, response_id of a row): what the receiver answered.");
        }
        if (!failed.isEmpty() && context.surface().isEnabled("replay_failed_events")) {
            next.add("Once fixed: replay_failed_events with the same window (dry run first)"
                    + (scheduled > 0 ? "; rows with retry_scheduled are left out unless include_scheduled" : "")
                    + ".");
        } else if (!failed.isEmpty() && context.surface().isEnabled("replay_event")) {
            next.add("Once fixed: replay_event (application_id, event_id) for each row.");
        }
        return ToolOutcome.success(result);
    }

    private static ObjectNode row(DeliveryPairs.Pair p, FailureCauses causes) throws Hook0TransportException {
        ObjectNode row = Json.object().put("event_id", p.eventId).put("event_type_name", p.eventType())
                .put("subscription_id", p.subscriptionId).put("attempts", p.attempts.size())
                .put("last_attempt_at", p.lastAttemptAt());
        JsonNode failure = p.latestFailure();
        if (failure != null) {
            row.put("cause", causes.of(failure));
            if (failure.hasNonNull("response_id")) {
                row.put("response_id", failure.get("response_id").asText());
            }
        } else {
            // a retry (retry_count > 0) whose failed attempts all lie before the window's start
            row.put("cause", "no failed attempt within the window (the failure this retry follows is older);"
                    + " latest attempt: " + p.latest().path("status").path("type").asText("unknown"));
        }
        boolean scheduled = p.state() == DeliveryPairs.State.RETRY_SCHEDULED;
        row.put("retry_scheduled", scheduled);
        if (scheduled && p.latest().path("status").hasNonNull("until")) {
            row.put("next_retry_at", p.latest().path("status").path("until").asText());
        }
        return row;
    }

    /** A stand-in pair sorting exactly where the cursor's row did. */
    private static DeliveryPairs.Pair marker(FailedListCursor c) {
        DeliveryPairs.Pair p = new DeliveryPairs.Pair(c.eventId(), c.subscriptionId());
        p.attempts.add(Json.object().put("created_at", c.at().toString()));
        return p;
    }
}

package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.results.ResultShaper;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.results.Truncation;
import dev.hook0mcp.server.results.UntrustedText;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get_delivery_health: one bounded walk over the window's attempts ({@link AttemptWalk}) joined with the
 * application's subscriptions, summarised per subscription (worst first) with a status, last success and failure,
 * the start of the current run of failures and the top causes. Routes (catalogue order): attempts, subscriptions,
 * response. Per subscription, counts that are zero are left out.
 */
public final class GetDeliveryHealthHandler implements ToolHandler {

    /** Below this success rate, a subscription whose last finished attempt failed is "failing". */
    static final double FAILING_BELOW = 0.5;
    static final int TOP_CAUSES = 3;
    static final int BODY_EXCERPT_CHARS = 120;
    /** Status order of the list: worst first. */
    static final List<String> ORDER = List.of("failing", "degraded", "idle", "healthy", "disabled");

    private final Clock clock;
    private final int maxResultBytes;

    public GetDeliveryHealthHandler(Clock clock, int maxResultBytes) {
        this.clock = clock;
        this.maxResultBytes = maxResultBytes;
    }

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        List<Route> routes = tool.binding().routes();
        String app = arguments.path("application_id").asText();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        DeliveryWindow window = DeliveryWindow.of(arguments, now);

        Hook0Response subs = context.send(RequestBuilder.build(routes.get(1), Json.object().put("application_id", app)));
        if (!subs.isSuccess()) {
            return ErrorResults.fromResponse(tool, subs, arguments);
        }
        AttemptWalk.Result walk = AttemptWalk.walk(tool, routes.get(0),
                AttemptWalk.pageArguments(app, window, arguments), AttemptWalk.cap(arguments), context, arguments);
        if (walk.error() != null) {
            return walk.error();
        }
        FailureCauses causes = new FailureCauses(routes.get(2), app, context);
        String only = arguments.path("subscription_id").asText(null);

        Map<String, SubscriptionHealth> bySubscription = new LinkedHashMap<>();
        for (JsonNode s : SuccessBody.array(subs)) {
            String id = s.path("subscription_id").asText();
            if (only == null || only.equalsIgnoreCase(id)) {
                bySubscription.put(id, new SubscriptionHealth(id, s));
            }
        }
        for (JsonNode a : walk.attempts()) {
            String id = a.path("subscription").path("subscription_id").asText();
            bySubscription.computeIfAbsent(id, k -> new SubscriptionHealth(k, null)).add(a);
        }
        int unresolved = 0;
        int recovered = 0;
        for (DeliveryPairs.Pair p : DeliveryPairs.of(walk.attempts())) {
            unresolved += p.unresolved() ? 1 : 0;
            recovered += p.state() == DeliveryPairs.State.RECOVERED ? 1 : 0;
        }

        ObjectNode result = Json.object();
        result.put("now", now.toString());
        window.describe(result);
        walk.describe(result);
        ObjectNode totals = result.putObject("totals");
        counts(totals, walk.attempts());
        totals.put("unresolved_deliveries", unresolved);
        totals.put("recovered_deliveries", recovered);

        List<ObjectNode> rows = new ArrayList<>();
        for (SubscriptionHealth h : bySubscription.values()) {
            rows.add(h.summary(causes));
        }
        rows.sort(Comparator.<ObjectNode>comparingInt(r -> ORDER.indexOf(r.path("status").asText()))
                .thenComparingDouble(r -> r.path("success_rate").asDouble(1.0)));
        ArrayNode list = result.putArray("subscriptions");
        rows.forEach(list::add);
        if (causes.unread() > 0) {
            result.put("causes_unread", causes.unread());
        }
        result.set("next_steps", nextSteps(context, rows, unresolved, walk.complete()));
        result.put("untrusted_notice", ResultShaper.untrustedNotice(
                List.of("subscriptions.description", "subscriptions.last_failure.body")));
        fit(result, list);
        return ToolOutcome.success(result);
    }

    /** Keeps the result under the size budget: the healthiest subscriptions (at the end) go first. */
    private void fit(ObjectNode result, ArrayNode list) {
        int omitted = 0;
        while (list.size() > 1 && Json.byteSize(result) > maxResultBytes) {
            list.remove(list.size() - 1);
            omitted++;
        }
        if (omitted > 0) {
            result.put("omitted_subscriptions", omitted);
            result.put("truncated", true);
        }
    }

    static void counts(ObjectNode out, List<JsonNode> attempts) {
        int successful = 0;
        int failed = 0;
        for (JsonNode a : attempts) {
            successful += DeliveryPairs.successful(a) ? 1 : 0;
            failed += DeliveryPairs.failed(a) ? 1 : 0;
        }
        out.put("attempts", attempts.size());
        out.put("successful", successful);
        out.put("failed", failed);
        out.put("pending", attempts.size() - successful - failed);
        if (successful + failed > 0) {
            out.put("success_rate", rate(successful, successful + failed));
        }
    }

    static double rate(int part, int whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }

    /** When an attempt finished (its status' at), else when it was created. */
    static String finishedAt(JsonNode attempt) {
        return attempt.path("status").path("at").asText(attempt.path("created_at").asText());
    }

    private static ArrayNode nextSteps(CallContext context, List<ObjectNode> rows, int unresolved, boolean complete) {
        ArrayNode next = Json.MAPPER.createArrayNode();
        if (unresolved > 0 && context.surface().isEnabled("list_failed_deliveries")) {
            next.add("list_failed_deliveries: the " + unresolved + " unresolved deliveries, one row each with cause"
                    + " and response_id.");
        }
        ObjectNode worst = rows.isEmpty() ? null : rows.get(0);
        if (worst != null && worst.path("last_failure").hasNonNull("response_id")
                && context.surface().isEnabled("get_response")) {
            next.add("get_response with response_id " + worst.path("last_failure").path("response_id").asText()
                    + ": the worst subscription's last answer in full.");
        }
        if (unresolved > 0 && context.surface().isEnabled("replay_failed_events")) {
            next.add("Once the receiver is fixed: replay_failed_events (a dry run first).");
        }
        if (!complete) {
            next.add("Figures are partial: narrow the window (since) or raise max_attempts (at most "
                    + AttemptWalk.HARD_CAP + ").");
        }
        return next;
    }

    /** The attempts of one subscription in the window (newest first) and what list_subscriptions says of it. */
    private static final class SubscriptionHealth {
        final String id;
        final JsonNode subscription;
        final List<JsonNode> attempts = new ArrayList<>();

        SubscriptionHealth(String id, JsonNode subscription) {
            this.id = id;
            this.subscription = subscription;
        }

        void add(JsonNode attempt) {
            attempts.add(attempt);
        }

        ObjectNode summary(FailureCauses causes) throws Hook0TransportException {
            ObjectNode out = Json.object();
            out.put("subscription_id", id);
            String description = subscription != null ? subscription.path("description").asText(null)
                    : attempts.isEmpty() ? null : attempts.get(0).path("subscription").path("description").asText(null);
            if (description != null) {
                out.put("description", UntrustedText.clean(description));
            }
            if (subscription != null) {
                out.put("target_host", TargetHost.of(subscription.path("target").path("url").asText("")));
                out.put("is_enabled", subscription.path("is_enabled").asBoolean(false));
            } else {
                out.put("deleted", true);
            }
            counts(out, attempts);
            for (String zero : List.of("successful", "failed", "pending")) {
                if (out.path(zero).asInt() == 0) {
                    out.remove(zero);
                }
            }

            List<JsonNode> finished = attempts.stream()
                    .filter(a -> DeliveryPairs.failed(a) || DeliveryPairs.successful(a)).toList();
            JsonNode lastFinished = finished.isEmpty() ? null : finished.get(0);
            int successful = (int) finished.stream().filter(DeliveryPairs::successful).count();
            boolean anyFailed = successful < finished.size();
            String status;
            if (subscription != null && !subscription.path("is_enabled").asBoolean(false)) {
                status = "disabled";
            } else if (finished.isEmpty()) {
                status = "idle";
            } else if (DeliveryPairs.failed(lastFinished) && successful < FAILING_BELOW * finished.size()) {
                status = "failing";
            } else {
                status = anyFailed ? "degraded" : "healthy";
            }
            out.put("status", status);

            finished.stream().filter(DeliveryPairs::successful).findFirst()
                    .ifPresent(s -> out.put("last_success", finishedAt(s)));
            JsonNode lastFailure = finished.stream().filter(DeliveryPairs::failed).findFirst().orElse(null);
            if (lastFailure != null) {
                out.set("last_failure", failure(lastFailure, causes));
                String since = null;
                int run = 0;
                for (JsonNode a : finished) {
                    if (!DeliveryPairs.failed(a)) {
                        break;
                    }
                    since = finishedAt(a);
                    run++;
                }
                if (since != null) {
                    out.put("failing_since", since);
                    if (run == finished.size()) {
                        out.put("failing_all_window", true);
                    }
                }
                Map<String, Integer> byCause = new LinkedHashMap<>();
                for (JsonNode a : finished) {
                    if (DeliveryPairs.failed(a)) {
                        byCause.merge(causes.of(a), 1, Integer::sum);
                    }
                }
                ArrayNode top = out.putArray("top_causes");
                byCause.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(TOP_CAUSES)
                        .forEach(e -> top.addObject().put("cause", e.getKey()).put("count", e.getValue()));
            }
            return out;
        }

        private static ObjectNode failure(JsonNode attempt, FailureCauses causes) throws Hook0TransportException {
            ObjectNode out = Json.object().put("at", finishedAt(attempt)).put("cause", causes.of(attempt));
            String responseId = attempt.path("response_id").asText(null);
            if (responseId != null) {
                out.put("response_id", responseId);
                JsonNode response = causes.response(responseId);
                if (response != null && response.path("body").isTextual() && !response.path("body").asText().isBlank()) {
                    out.put("body", Truncation.cut(UntrustedText.clean(response.path("body").asText().strip()),
                            BODY_EXCERPT_CHARS, "get_response has it all"));
                }
            }
            return out;
        }
    }
}

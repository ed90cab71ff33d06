package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.server.engine.CallContext;
import dev.hook0mcp.server.engine.DeleteConfirmation;
import dev.hook0mcp.server.results.ErrorResults;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.engine.RequestBuilder;
import dev.hook0mcp.server.results.SuccessBody;
import dev.hook0mcp.server.engine.ToolHandler;
import dev.hook0mcp.server.results.ToolOutcome;
import dev.hook0mcp.server.results.UntrustedText;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * replay_failed_events: finds the unresolved failures of a window (an event whose latest attempt for some
 * subscription failed), shows in a dry run what a replay would send where, with a confirmation bound to that set,
 * and replays exactly that set once when confirmed. Routes (catalogue order): replay, attempts, subscriptions,
 * event.
 */
public final class ReplayFailedEventsHandler implements ToolHandler {

    /** Events replayed at most per call (and event_ids given at most). */
    static final int MAX_EVENTS = 100;
    private final ReplayConfirmations confirmations = new ReplayConfirmations();
    private final Clock clock;

    /** @param clock the server's clock: "now", the default window and the confirmations' expiry */
    public ReplayFailedEventsHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ToolOutcome handle(ToolDefinition tool, ObjectNode arguments, CallContext context)
            throws Hook0TransportException {
        List<Route> routes = tool.binding().routes();
        String app = arguments.path("application_id").asText();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean dryRun = arguments.path("dry_run").asBoolean(true);
        String confirmation = arguments.path("confirmation").asText(null);

        if (!dryRun && confirmation != null) {
            Object redeemed = confirmations.redeem(confirmation, app, context.callerKey(), now);
            if (redeemed instanceof String why) {
                return refused("Confirmation refused: " + why + ". Nothing was replayed.");
            }
            List<String> ids = ((ReplayConfirmations.Issued) redeemed).eventIds();
            if (context.interaction().canAsk()) {
                Optional<ToolOutcome> no = DeleteConfirmation.ask(context.interaction(), "Replay " + ids.size()
                        + " event(s) of application " + app + " (confirmed by a dry run) to every current matching"
                        + " subscription?", tool.name(), ids.size() + " event(s)");
                if (no.isPresent()) {
                    return no.get();
                }
            }
            return execute(tool, routes.get(0), app, ids, context, Json.object());
        }

        Plan plan = plan(tool, routes, arguments, app, now, context);
        if (plan.error != null) {
            return plan.error;
        }
        ObjectNode result = plan.describe();
        List<String> ids = plan.ids();
        if (dryRun) {
            result.put("dry_run", true);
            if (!ids.isEmpty()) {
                result.put("confirmation", confirmations.issue(app, ids, context.callerKey(), now));
                result.put("expires_at", now.plus(ReplayConfirmations.VALIDITY).toString());
            }
            result.put("message", ids.isEmpty() ? "Nothing to replay: no unresolved failure"
                    + (plan.scheduled > 0 ? " without a retry still scheduled" : "") + " in the window."
                    : "Dry run, nothing sent: " + ids.size() + " event(s) would be replayed, each AGAIN to every"
                    + " current matching subscription listed (also those that already got it).");
            ArrayNode next = result.putArray("next_steps");
            if (!ids.isEmpty()) {
                next.add("To replay exactly these: the same call with dry_run:false and this confirmation (valid "
                        + ReplayConfirmations.VALIDITY.toMinutes() + " min, once).");
            }
            return ToolOutcome.success(result);
        }
        if (!context.interaction().canAsk()) {
            return refused("Not replayed: executing needs the confirmation of a dry run (call with dry_run:true"
                    + " first, then dry_run:false with its confirmation).");
        }
        if (ids.isEmpty()) {
            result.put("dry_run", false);
            result.put("message", "Nothing to replay: no unresolved failure in the window.");
            return ToolOutcome.success(result);
        }
        Optional<ToolOutcome> no = DeleteConfirmation.ask(context.interaction(), plan.question(app), tool.name(),
                ids.size() + " event(s)");
        if (no.isPresent()) {
            return no.get();
        }
        return execute(tool, routes.get(0), app, ids, context, result);
    }

    private ToolOutcome execute(ToolDefinition tool, Route replay, String app, List<String> ids, CallContext context,
            ObjectNode result) throws Hook0TransportException {
        result.put("dry_run", false);
        List<String> replayedIds = new ArrayList<>();
        List<String> notReplayed = new ArrayList<>();
        ArrayNode failed = Json.MAPPER.createArrayNode();
        String stopped = null;
        Set<String> done = new LinkedHashSet<>();
        for (String id : new TreeSet<>(ids)) {
            if (!done.add(id)) {
                continue;
            }
            if (stopped != null) {
                notReplayed.add(id);
                continue;
            }
            ObjectNode args = Json.object().put("application_id", app).put("event_id", id);
            Hook0Response r = context.send(RequestBuilder.build(replay, args));
            if (r.isSuccess()) {
                replayedIds.add(id);
            } else if (r.status() == 429 || r.problem().map(p -> p.id() != null
                    && p.id().toLowerCase().contains("quota")).orElse(false)) {
                stopped = "Hook0 answered " + r.status() + r.problem().map(p -> " " + p.id()).orElse("")
                        + " at event " + id + "; it and the rest were not sent";
                notReplayed.add(id);
            } else {
                ObjectNode out = failed.addObject().put("event_id", id).put("http_status", r.status());
                r.problem().ifPresent(p -> out.put("problem", p.id()));
            }
        }
        int replayed = replayedIds.size();
        int total = done.size();
        result.put("count", total);
        result.put("replayed", replayed);
        result.put("not_replayed", total - replayed);
        if (replayed < total) {
            // Per-event outcome; when every event went, the confirmed set itself is the list.
            ArrayNode list = result.putArray("replayed_ids");
            replayedIds.forEach(list::add);
        }
        if (!notReplayed.isEmpty()) {
            ArrayNode rest = result.putArray("not_replayed_ids");
            notReplayed.forEach(rest::add);
        }
        if (!failed.isEmpty()) {
            result.set("failed", failed);
        }
        if (stopped != null) {
            result.put("stopped", stopped);
        }
        result.put("message", (replayed == total ? "All " : replayed + " of ") + total + " event(s) queued for replay to their current"
                + " matching subscriptions" + (stopped != null ? "; stopped: " + stopped : "") + ".");
        result.putArray("next_steps").add("Follow the new deliveries with list_request_attempts (event_id) or"
                + " explain_event_delivery.");
        return ToolOutcome.success(result);
    }

    private static ToolOutcome refused(String message) {
        ObjectNode out = Json.object();
        out.put("message", message);
        out.put("replayed", 0);
        out.put("next_step", "Call replay_failed_events with dry_run:true, check the list, then dry_run:false with"
                + " the confirmation it returns.");
        return ToolOutcome.failure(ToolOutcome.Kind.NOT_CONFIRMED, out);
    }

    /** One event to replay: its type, labels when read, and why. */
    private static final class Candidate {
        final String eventId;
        String type;
        JsonNode labels;
        String lastAttemptAt = "";
        final List<String> failedTo = new ArrayList<>();
        boolean scheduledOnly = true;

        Candidate(String eventId) {
            this.eventId = eventId;
        }
    }

    private final class Plan {
        final List<Candidate> events = new ArrayList<>();
        final List<JsonNode> subscriptions = new ArrayList<>();
        ObjectNode header = Json.object();
        int scheduled;
        ToolOutcome error;

        List<String> ids() {
            return events.stream().map(c -> c.eventId).sorted().toList();
        }

        List<JsonNode> receivers(Candidate c) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode s : subscriptions) {
                if (!s.path("is_enabled").asBoolean(false)) {
                    continue;
                }
                boolean typeMatches = false;
                for (JsonNode t : s.path("event_types")) {
                    typeMatches |= t.asText().equals(c.type);
                }
                if (!typeMatches) {
                    continue;
                }
                boolean labelsMatch = true;
                var fields = s.path("labels").fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    labelsMatch &= c.labels != null && e.getValue().asText().equals(c.labels.path(e.getKey()).asText(null));
                }
                if (labelsMatch) {
                    out.add(s);
                }
            }
            return out;
        }

        /**
         * The events grouped by what a replay does with them (type, subscriptions that failed, subscriptions that
         * would receive it again), each subscription named once: compact enough for dozens of events.
         */
        ObjectNode describe() {
            ObjectNode result = header.deepCopy();
            ObjectNode names = Json.object();
            Map<String, ObjectNode> groups = new LinkedHashMap<>();
            for (Candidate c : events) {
                List<String> again = new ArrayList<>();
                for (JsonNode s : receivers(c)) {
                    String id = s.path("subscription_id").asText();
                    again.add(id);
                    names.put(id, shortLabel(s));
                }
                List<String> failed = c.failedTo.stream().sorted().toList();
                for (String id : failed) {
                    if (!names.has(id)) {
                        names.put(id, subscriptions.stream().filter(s -> s.path("subscription_id").asText().equals(id))
                                .findFirst().map(ReplayFailedEventsHandler::shortLabel).orElse("(no longer listed)"));
                    }
                }
                String key = c.type + "|" + failed + "|" + again;
                ObjectNode group = groups.computeIfAbsent(key, k -> {
                    ObjectNode g = Json.object().put("event_type_name", c.type);
                    failed.forEach(g.putArray("failed_to")::add);
                    again.forEach(g.putArray("would_be_sent_to")::add);
                    g.putArray("event_ids");
                    return g;
                });
                ((ArrayNode) group.get("event_ids")).add(c.eventId);
            }
            result.set("subscriptions", names);
            ArrayNode list = result.putArray("groups");
            groups.values().forEach(list::add);
            result.put("count", events.size());
            result.put("left_out_scheduled", scheduled);
            return result;
        }

        String question(String app) {
            Map<String, Integer> perReceiver = new LinkedHashMap<>();
            for (Candidate c : events) {
                for (JsonNode s : receivers(c)) {
                    perReceiver.merge(label(s), 1, Integer::sum);
                }
            }
            StringBuilder q = new StringBuilder("Replay " + events.size() + " event(s) of application " + app
                    + "? Hook0 sends each again to every current matching subscription:");
            perReceiver.forEach((s, n) -> q.append("\n- ").append(s).append(": ").append(n).append(" event(s)"));
            return q.toString();
        }
    }

    private static String label(JsonNode subscription) {
        return shortLabel(subscription) + " (" + subscription.path("subscription_id").asText() + ")";
    }

    /** "CRM sync → crm.acme.example": the description (outside text, cleaned) and the target's host. */
    private static String shortLabel(JsonNode subscription) {
        return UntrustedText.clean(subscription.path("description").asText("(no description)")) + " → "
                + TargetHost.of(subscription.path("target").path("url").asText(""));
    }

    private Plan plan(ToolDefinition tool, List<Route> routes, ObjectNode arguments, String app, Instant now,
            CallContext context) throws Hook0TransportException {
        Plan plan = new Plan();
        plan.header.put("now", now.toString());
        JsonNode given = arguments.get("event_ids");
        boolean byIds = given != null && given.isArray() && !given.isEmpty();
        DeliveryWindow window = byIds ? null : DeliveryWindow.of(arguments, now); // a bad window: nothing sent
        ObjectNode appArgs = Json.object().put("application_id", app);
        Hook0Response subs = context.send(RequestBuilder.build(routes.get(2), appArgs));
        if (!subs.isSuccess()) {
            plan.error = ErrorResults.fromResponse(tool, subs, arguments);
            return plan;
        }
        SuccessBody.array(subs).forEach(plan.subscriptions::add);

        if (byIds) {
            Set<String> ids = new TreeSet<>();
            given.forEach(id -> ids.add(id.asText().toLowerCase()));
            for (String id : ids) {
                Hook0Response event = context.send(RequestBuilder.build(routes.get(3),
                        appArgs.deepCopy().put("event_id", id)));
                if (!event.isSuccess()) {
                    plan.error = ErrorResults.fromResponse(tool, event, arguments.deepCopy().put("event_id", id));
                    return plan;
                }
                Candidate c = new Candidate(id);
                JsonNode body = SuccessBody.object(event);
                c.type = body.path("event_type_name").asText();
                c.labels = body.path("labels");
                plan.events.add(c);
            }
            plan.header.put("complete", true);
            return plan;
        }

        window.describe(plan.header);
        AttemptWalk.Result walk = AttemptWalk.walk(tool, routes.get(1), AttemptWalk.pageArguments(app, window, arguments),
                AttemptWalk.DEFAULT_CAP, context, arguments);
        if (walk.error() != null) {
            plan.error = walk.error();
            return plan;
        }
        walk.describe(plan.header);

        boolean includeScheduled = arguments.path("include_scheduled").asBoolean(false);
        Map<String, Candidate> byEvent = new LinkedHashMap<>();
        Set<String> scheduledEvents = new TreeSet<>();
        for (DeliveryPairs.Pair pair : DeliveryPairs.of(walk.attempts())) {
            if (!pair.unresolved()) {
                continue;
            }
            if (pair.state() == DeliveryPairs.State.RETRY_SCHEDULED && !includeScheduled) {
                scheduledEvents.add(pair.eventId);
                continue;
            }
            Candidate c = byEvent.computeIfAbsent(pair.eventId, Candidate::new);
            c.type = pair.eventType();
            c.failedTo.add(pair.subscriptionId);
            if (pair.lastAttemptAt().compareTo(c.lastAttemptAt) > 0) {
                c.lastAttemptAt = pair.lastAttemptAt();
            }
        }
        scheduledEvents.removeAll(byEvent.keySet());
        plan.scheduled = scheduledEvents.size();
        List<Candidate> sorted = new ArrayList<>(byEvent.values());
        sorted.sort((x, y) -> y.lastAttemptAt.compareTo(x.lastAttemptAt));
        if (sorted.size() > MAX_EVENTS) {
            plan.header.put("more_than_max", "Only the newest " + MAX_EVENTS + " of " + sorted.size()
                    + " events are listed; replay them, then call again for the rest.");
            sorted = new ArrayList<>(sorted.subList(0, MAX_EVENTS));
        }
        for (Candidate c : sorted) {
            if (needsLabels(plan, c)) {
                Hook0Response event = context.send(RequestBuilder.build(routes.get(3),
                        appArgs.deepCopy().put("event_id", c.eventId)));
                c.labels = event.isSuccess() ? SuccessBody.object(event).path("labels") : null;
            }
        }
        plan.events.addAll(sorted);
        return plan;
    }

    /** Labels matter only when an enabled subscription of the event's type filters on labels. */
    private static boolean needsLabels(Plan plan, Candidate c) {
        for (JsonNode s : plan.subscriptions) {
            boolean typeMatches = false;
            for (JsonNode t : s.path("event_types")) {
                typeMatches |= t.asText().equals(c.type);
            }
            if (typeMatches && s.path("is_enabled").asBoolean(false) && s.path("labels").size() > 0) {
                return true;
            }
        }
        return false;
    }
}

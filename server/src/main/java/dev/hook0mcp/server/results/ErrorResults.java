package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Hook0TransportException;
import dev.hook0mcp.server.hook0.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every failure becomes a tool result with {@code isError: true}: the HTTP status, Hook0's problem id, detail and
 * 422 validation fields, and one line saying what to do next. An error of a write tool also says whether the
 * change may have been applied and, when it may, how to check — with the id to look up — before retrying (the
 * wording per kind of write, driven by the catalogue's action and annotations, is in {@link #recovery}). Nothing
 * here ever includes the token.
 */
public final class ErrorResults {

    private static final int MAX_DETAIL_CHARS = 600;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final Set<String> QUOTA_IDS = Set.of(
            "TooManyEventsToday", "TooManyApplicationsPerOrganization", "TooManySubscriptionsPerApplication",
            "TooManyEventTypesPerApplication", "TooManyMembersPerOrganization");

    /** Hook0 problems whose fix is always the same. */
    private static final Map<String, String> KNOWN_FIXES = Map.of(
            "EventTypeDoesNotExist", "Create the event type first with create_event_type (service, resource_type,"
                    + " verb make the name service.resource_type.verb), then call again.",
            "LabelsAmbiguity", "Give labels as one map of 1-10 entries.",
            "InvalidDateRange", "'from' must be on or before 'to' (dates as YYYY-MM-DD).",
            "EventInvalidJsonPayload", "payload is not valid JSON: give the JSON object as payload_json instead.",
            "EventInvalidBase64Payload", "application/octet-stream+base64 needs payload in standard base64.",
            "EventTypeAlreadyExist", "It already exists; nothing to do.");

    private ErrorResults() {}

    public static ToolOutcome fromResponse(ToolDefinition tool, Hook0Response response) {
        return fromResponse(tool, response, Json.object());
    }

    public static ToolOutcome fromResponse(ToolDefinition tool, Hook0Response response, ObjectNode arguments) {
        return fromResponse(tool, response, arguments, true);
    }

    /**
     * @param changeSent false when the failed request was only a read ahead of the change (read, merge, PUT):
     *                   then nothing was changed, whatever the status
     */
    public static ToolOutcome fromResponse(ToolDefinition tool, Hook0Response response, ObjectNode arguments,
            boolean changeSent) {
        Optional<Problem> problem = response.problem();
        int status = response.status();
        String id = problem.map(Problem::id).orElse(null);
        String detail = problem.map(p -> p.detail() != null ? p.detail() : p.title())
                .orElseGet(() -> response.body() == null ? "" : response.body().strip());
        detail = UntrustedText.clean(bounded(detail));

        ObjectNode out = Json.object();
        out.put("status", status);
        if (id != null) {
            out.put("problem_id", id);
        }
        problem.map(Problem::title).ifPresent(t -> out.put("title", t));
        if (!detail.isEmpty()) {
            out.put("detail", detail);
        }
        problem.map(Problem::validation).ifPresent(v -> out.set("validation", v));
        response.retryAfterSeconds().ifPresent(s -> out.put("retry_after_seconds", s));
        if (response.notRetried() != null) {
            out.put("not_retried", response.notRetried());
        }
        out.put("message", status + (id == null ? "" : " " + id) + (detail.isEmpty() ? "" : ": " + firstLine(detail))
                + (response.notRetried() == null ? "" : " (not retried: " + response.notRetried() + ")"));
        String next = nextStep(tool, status, id, response);
        if (tool.isRead()) {
            out.put("next_step", next);
        } else if (!changeSent) {
            writeOutcome(out, tool, arguments, false, next + " This was the read ahead of the change: nothing was"
                    + " changed.");
        } else if (status >= 500 || status == 408) {
            // A gateway error or a failure half-way: Hook0 may have acted before answering.
            writeOutcome(out, tool, arguments, true, next);
        } else {
            writeOutcome(out, tool, arguments, false, next + " Hook0 refused the request, so nothing was changed.");
        }
        return ToolOutcome.failure(out);
    }

    /** A 2xx whose body is not the JSON Hook0 answers: something else is at HOOK0_API_URL, or the answer broke. */
    public static ToolOutcome unreadable(ToolDefinition tool, String apiUrl, SuccessBody.UnreadableAnswerException e,
            ObjectNode arguments) {
        return unreadable(tool, apiUrl, e, arguments, true);
    }

    public static ToolOutcome unreadable(ToolDefinition tool, String apiUrl, SuccessBody.UnreadableAnswerException e,
            ObjectNode arguments, boolean changeSent) {
        ObjectNode out = Json.object();
        out.put("status", e.status());
        out.put("message", "Hook0 at " + apiUrl + " " + e.getMessage() + ": check HOOK0_API_URL");
        String next = "Check that HOOK0_API_URL is the Hook0 API's base URL (e.g. https://app.hook0.com), not a web"
                + " page or a proxy's login page; `java -jar hook0-mcp.jar check` tells.";
        return withNextStep(out, tool, arguments, next);
    }

    public static ToolOutcome fromArguments(ToolDefinition tool, String message, List<String> problems) {
        ObjectNode out = Json.object();
        out.put("message", "Invalid arguments for " + tool.name() + ": " + message);
        problems.forEach(out.putArray("problems")::add);
        out.put("next_step", "Fix the arguments named above and call " + tool.name()
                + " again; nothing was sent to Hook0.");
        return ToolOutcome.failure(out);
    }

    public static ToolOutcome transport(ToolDefinition tool, String message) {
        return transport(tool, new Hook0TransportException(message, null), Json.object());
    }

    public static ToolOutcome transport(ToolDefinition tool, Hook0TransportException e, ObjectNode arguments) {
        ObjectNode out = Json.object();
        out.put("message", "Hook0 could not be reached: " + e.getMessage());
        String next = "Retry in a moment; if it persists, check HOOK0_API_URL and the network.";
        if (tool.isRead()) {
            out.put("next_step", next);
        } else if (e.mayHaveArrived()) {
            writeOutcome(out, tool, arguments, true, next);
        } else {
            writeOutcome(out, tool, arguments, false, "Nothing was sent to Hook0, so nothing was changed: " + next);
        }
        return ToolOutcome.failure(out);
    }

    public static ToolOutcome notAvailable(String toolName, String reason) {
        ObjectNode out = Json.object();
        out.put("message", "Tool " + toolName + " is not available: " + reason);
        out.put("next_step", "Call get_token_info to see which tools this token allows and why.");
        return ToolOutcome.failure(ToolOutcome.Kind.REFUSED, out);
    }

    public static ToolOutcome internal(ToolDefinition tool, String what) {
        return internal(tool, what, Json.object());
    }

    public static ToolOutcome internal(ToolDefinition tool, String what, ObjectNode arguments) {
        ObjectNode out = Json.object();
        out.put("message", tool.name() + " failed inside hook0-mcp: " + what);
        String next = "This is a bug in hook0-mcp, not in your request; the server log has details.";
        return withNextStep(out, tool, arguments, next);
    }

    /**
     * The server ran out of memory while handling this call (several answers near Hook0's 8 MiB limit at once in a
     * 128 MB heap). What it held is garbage now; the call gets this answer instead of none.
     */
    public static ToolOutcome outOfMemory(ToolDefinition tool, ObjectNode arguments) {
        ObjectNode out = Json.object();
        out.put("message", tool.name() + " ran hook0-mcp out of memory (its maximum heap is "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) while Hook0's answer was processed:"
                + " large answers came in at the same time");
        String next = "Ask for less at once (a smaller limit or narrower filters), or make these calls one after"
                + " the other; the server keeps serving.";
        return withNextStep(out, tool, arguments, next);
    }

    /** A read's next step as said; a write's also says that it may have been applied (the change was sent). */
    private static ToolOutcome withNextStep(ObjectNode out, ToolDefinition tool, ObjectNode arguments, String next) {
        if (tool.isRead()) {
            out.put("next_step", next);
        } else {
            writeOutcome(out, tool, arguments, true, next);
        }
        return ToolOutcome.failure(out);
    }

    /**
     * What a failed write may have done: {@code may_have_been_applied}, and a next step that says how to check
     * (with the ids to look up) before retrying, or that nothing changed.
     */
    private static void writeOutcome(ObjectNode out, ToolDefinition tool, ObjectNode arguments, boolean uncertain,
            String otherwise) {
        out.put("may_have_been_applied", uncertain);
        JsonNode eventId = arguments.get("event_id");
        if (verb(tool).equals("ingest") && eventId != null && eventId.isTextual()) {
            out.put("event_id", eventId.asText());
        }
        out.put("next_step", uncertain ? recovery(tool, arguments) + " " + otherwise : otherwise);
    }

    /** How to find out whether a write whose answer was lost took effect, per kind of write. */
    static String recovery(ToolDefinition tool, ObjectNode arguments) {
        String resource = resource(tool);
        String what = resource.replace('_', ' ');
        return switch (verb(tool)) {
            case "ingest" -> "It may have been ingested: call " + toolFor("event:get", "get_event") + " with "
                    + ids(tool, arguments, List.of("event_id", "application_id")) + " (or retry " + tool.name()
                    + " with the same event_id: a duplicate is refused, not created twice).";
            case "create" -> "It may have been created: call " + toolFor(resource + ":list", "the matching list tool")
                    + " (look for " + identifying(arguments) + ") before retrying, so the " + what
                    + " is not created twice.";
            case "edit" -> "It may have been changed: read it back with " + toolFor(resource + ":get", "the get tool")
                    + " (" + ids(tool, arguments, pathIds(tool)) + ") before retrying; sending the same change"
                    + " again is harmless.";
            case "delete" -> "It may have been deleted: " + toolFor(resource + ":get", "the get tool") + " ("
                    + ids(tool, arguments, pathIds(tool)) + ") answers 404 once it is gone; deleting again is harmless.";
            case "replay" -> "It may have been queued for replay: " + toolFor("request_attempt:list",
                    "list_request_attempts") + " (" + ids(tool, arguments, List.of("event_id", "application_id"))
                    + ") shows the new attempts; replaying again sends the event once more.";
            default -> "The change may or may not have been applied: read the " + what + " back before retrying.";
        };
    }

    private static String resource(ToolDefinition tool) {
        String action = tool.action() == null ? "" : tool.action();
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }

    private static String verb(ToolDefinition tool) {
        String action = tool.action() == null ? "" : tool.action();
        return action.substring(action.indexOf(':') + 1);
    }

    /** The catalogue's tool for an action (its name), so the wording follows the catalogue. */
    private static String toolFor(String action, String fallback) {
        return ToolCatalog.standard().tools().stream().filter(t -> action.equals(t.action())).findFirst()
                .map(ToolDefinition::name).orElse(fallback);
    }

    /** The ids in the tool's route paths ({subscription_id}), then application_id. */
    private static List<String> pathIds(ToolDefinition tool) {
        List<String> names = new ArrayList<>();
        for (var route : tool.binding().routes()) {
            Matcher m = PLACEHOLDER.matcher(route.path());
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        names.add("application_id");
        return names;
    }

    private static String ids(ToolDefinition tool, ObjectNode arguments, List<String> names) {
        List<String> given = new ArrayList<>();
        for (String name : names) {
            JsonNode v = arguments.get(name);
            if (v != null && v.isTextual()) {
                given.add(name + "=" + v.asText());
            }
        }
        return given.isEmpty() ? "the ids you gave " + tool.name() : String.join(", ", given);
    }

    /** The caller's own words for a new resource (name, description, ...): what a listing shows. */
    private static String identifying(ObjectNode arguments) {
        List<String> given = new ArrayList<>();
        arguments.fields().forEachRemaining(e -> {
            if (!e.getKey().endsWith("_id") && e.getValue().isTextual() && given.size() < 3) {
                given.add(e.getKey() + "=\"" + Truncation.cut(e.getValue().asText(), 60) + "\"");
            }
        });
        return given.isEmpty() ? "the one you meant to create" : String.join(", ", given);
    }

    private static String nextStep(ToolDefinition tool, int status, String id, Hook0Response response) {
        if (id != null && KNOWN_FIXES.containsKey(id)) {
            return KNOWN_FIXES.get(id);
        }
        if (status == 401) {
            return "Hook0 received no token: set HOOK0_API_TOKEN to a service token (Hook0 dashboard → Organization"
                    + " → Service Tokens).";
        }
        if (status == 403 && "AuthInvalidBiscuit".equals(id)) {
            return "The token is invalid, revoked, or was issued by another Hook0 instance than HOOK0_API_URL:"
                    + " create (or attenuate) a new service token in Service Tokens and restart the server with it.";
        }
        if (status == 403) {
            String where = tool.scope() == ToolScope.ORGANIZATION ? "in this organization" : "on this application";
            return "This token may not do " + tool.action() + " " + where + ": it is attenuated (restricted to one"
                    + " application, expired, or limited by an action allow-list such as the read-only claim), or"
                    + " the application does not exist or was deleted. Call get_token_info to see what it allows.";
        }
        if (status == 404) {
            return "Nothing has that id: list the resources (e.g. with the matching list_* tool) to find a valid one.";
        }
        if (status == 422) {
            return "Hook0 rejected some fields (see validation): fix them and call " + tool.name() + " again.";
        }
        if (status == 409) {
            return "It already exists; read it back instead of creating it again.";
        }
        if (status == 429 && id != null && QUOTA_IDS.contains(id)) {
            return "A plan quota is reached (" + id + "); retrying will not help until the quota resets or the plan"
                    + " is raised.";
        }
        if (status == 429) {
            return "Rate limited by Hook0: wait " + response.retryAfterSeconds().map(s -> s + " s").orElse("a moment")
                    + " and retry.";
        }
        if (status == 400) {
            return "Hook0 could not accept the request as given: read the detail and adjust the arguments.";
        }
        if (status >= 500) {
            return "Hook0 had a problem; retry " + response.retryAfterSeconds().map(s -> "after " + s + " s")
                    .orElse("later") + (tool.isRead() ? "." : ", after checking whether the change was applied.");
        }
        return "Unexpected answer from Hook0; check the detail.";
    }

    private static String bounded(String text) {
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "…";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}

package dev.hook0mcp.server.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.server.hook0.Hook0Response;
import dev.hook0mcp.server.hook0.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every failure becomes a tool result with {@code isError: true}: the HTTP status, Hook0's problem id, detail and
 * 422 validation fields, and one line saying what to do next. Nothing here ever includes the token.
 */
public final class ErrorResults {

    private static final int MAX_DETAIL_CHARS = 600;
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
        out.put("message", status + (id == null ? "" : " " + id) + (detail.isEmpty() ? "" : ": " + firstLine(detail)));
        out.put("next_step", nextStep(tool, status, id, response));
        return ToolOutcome.failure(out);
    }

    public static ToolOutcome fromArguments(ToolDefinition tool, ArgumentException e) {
        ObjectNode out = Json.object();
        out.put("message", "Invalid arguments for " + tool.name() + ": " + e.getMessage());
        ArrayNode problems = out.putArray("problems");
        e.problems().forEach(problems::add);
        out.put("next_step", "Fix the arguments named above and call " + tool.name()
                + " again; nothing was sent to Hook0.");
        return ToolOutcome.failure(out);
    }

    public static ToolOutcome transport(ToolDefinition tool, String message) {
        ObjectNode out = Json.object();
        out.put("message", "Hook0 could not be reached: " + message);
        out.put("next_step", tool.isRead()
                ? "Retry in a moment; if it persists, check HOOK0_API_URL and the network."
                : "The change may or may not have been applied: read the resource back before retrying.");
        return ToolOutcome.failure(out);
    }

    public static ToolOutcome notAvailable(String toolName, String reason) {
        ObjectNode out = Json.object();
        out.put("message", "Tool " + toolName + " is not available: " + reason);
        out.put("next_step", "Call get_token_info to see which tools this token allows and why.");
        return ToolOutcome.failure(out);
    }

    public static ToolOutcome internal(ToolDefinition tool, String what) {
        ObjectNode out = Json.object();
        out.put("message", tool.name() + " failed inside hook0-mcp: " + what);
        out.put("next_step", "This is a bug in hook0-mcp, not in your request; the server log has details.");
        return ToolOutcome.failure(out);
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

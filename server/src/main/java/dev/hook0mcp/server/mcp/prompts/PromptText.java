package dev.hook0mcp.server.mcp.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hook0mcp.server.json.Json;
import dev.hook0mcp.server.access.ToolSurface;

/** What the prompt texts share: values written as JSON, and the tool that shows whether an event was delivered. */
final class PromptText {

    private PromptText() {}

    /** A value as JSON, so a caller's argument cannot break out of the example call it stands in. */
    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the trailing spaces a run of optional sentences leaves. */
    static void trimEnd(StringBuilder s) {
        while (s.length() > 0 && s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 1);
        }
    }

    /**
     * ", then explain_event_delivery with the returned event_id" and what for, with the tool this token has to check
     * a test event's delivery; empty when it has none.
     */
    static String thenCheckDelivery(ToolSurface surface, String purpose) {
        String tool = surface.isEnabled("explain_event_delivery") ? "explain_event_delivery"
                : surface.isEnabled("list_request_attempts") ? "list_request_attempts" : null;
        return tool == null ? "" : ", then " + tool + " with the returned event_id" + purpose;
    }
}

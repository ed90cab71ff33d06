package dev.hook0mcp.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hook0mcp.server.hook0.Hook0Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a call's Hook0 requests appear in its record: ids kept, other query values left out. */
class Hook0RequestsTest {

    private static final String APP = "3f2b8c1e-0d4a-4b6f-9e21-7c5d8a9b0e13";

    @Test
    void queryValuesThatAreNotIdsAreLeftOut() {
        Hook0Request request = Hook0Request.get(List.of("api", "v1", "request_attempts"), List.of(
                Map.entry("application_id", APP), Map.entry("min_created_at", "2026-12-01T00:00:00Z"),
                Map.entry("pagination_cursor", "opaque+cursor")));
        assertEquals("/api/v1/request_attempts?application_id=" + APP + "&min_created_at&pagination_cursor",
                Hook0Requests.path(request));
    }

    @Test
    void eachRequestIsListedWithItsStatusAndTimeAndNoAnswerIsNull() {
        Hook0Requests requests = new Hook0Requests();
        requests.sent(new Hook0Request("DELETE", List.of("api", "v1", "event_types", "billing.invoice.paid"),
                List.of(Map.entry("application_id", APP)), null), 204, 12);
        requests.sent(Hook0Request.get(List.of("api", "v1", "events"), List.of()), null, 30_000);
        assertEquals("[{\"method\":\"DELETE\",\"path\":\"/api/v1/event_types/billing.invoice.paid?application_id="
                + APP + "\",\"status\":204,\"ms\":12},{\"method\":\"GET\",\"path\":\"/api/v1/events\",\"status\":null,"
                + "\"ms\":30000}]", requests.toJson().toString());
    }
}

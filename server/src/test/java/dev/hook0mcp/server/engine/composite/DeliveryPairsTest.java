package dev.hook0mcp.server.engine.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Where an (event, subscription) pair stands, read from its attempts newest first as Hook0 lists them. */
class DeliveryPairsTest {

    @Test
    void eachPairGetsTheStateItsLatestAttemptAndItsHistoryShow() {
        List<JsonNode> newestFirst = new ArrayList<>();
        newestFirst.add(attempt("e1", "crm", "failed", 3, "10:03"));      // gave up after retries
        newestFirst.add(attempt("e2", "crm", "waiting", 1, "10:02"));     // a retry is still due ...
        newestFirst.add(attempt("e1", "crm", "failed", 2, "10:01"));
        newestFirst.add(attempt("e2", "crm", "failed", 0, "10:00"));      // ... after this failure
        newestFirst.add(attempt("e3", "warehouse", "successful", 1, "09:59")); // recovered
        newestFirst.add(attempt("e3", "warehouse", "failed", 0, "09:58"));
        newestFirst.add(attempt("e4", "erp", "successful", 0, "09:57"));
        newestFirst.add(attempt("e5", "erp", "pending", 0, "09:56"));      // first attempt under way
        newestFirst.add(attempt("e6", "staging", "pending", 2, "09:55"));  // a retry whose failure is older

        Map<String, DeliveryPairs.State> states = DeliveryPairs.of(newestFirst).stream()
                .collect(Collectors.toMap(p -> p.eventId, DeliveryPairs.Pair::state));
        assertEquals(Map.of("e1", DeliveryPairs.State.FAILED, "e2", DeliveryPairs.State.RETRY_SCHEDULED,
                "e3", DeliveryPairs.State.RECOVERED, "e4", DeliveryPairs.State.DELIVERED,
                "e5", DeliveryPairs.State.IN_FLIGHT, "e6", DeliveryPairs.State.RETRY_SCHEDULED), states);

        DeliveryPairs.Pair e1 = DeliveryPairs.of(newestFirst).iterator().next();
        assertEquals(2, e1.attempts.size());
        assertTrue(e1.unresolved());
        assertEquals("2026-12-01T10:03:00Z", e1.lastAttemptAt());
        DeliveryPairs.Pair e6 = DeliveryPairs.of(newestFirst).stream().filter(p -> p.eventId.equals("e6")).findFirst()
                .orElseThrow();
        assertEquals(null, e6.latestFailure(), "its failure is before the window");
        assertFalse(DeliveryPairs.of(newestFirst).stream().filter(p -> p.eventId.equals("e3")).findFirst()
                .orElseThrow().unresolved());
    }

    private static JsonNode attempt(String event, String subscription, String status, int retry, String at) {
        ObjectNode a = Json.object().put("event_id", event).put("retry_count", retry)
                .put("created_at", "2026-12-01T" + at + ":00Z");
        a.putObject("event").put("event_id", event).put("event_type_name", "billing.invoice.paid");
        a.putObject("subscription").put("subscription_id", subscription);
        a.putObject("status").put("type", status);
        return a;
    }
}

package dev.hook0mcp.server.engine;

import dev.hook0mcp.server.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Route;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {

    private final Route getEventType = new Route("GET", "/api/v1/event_types/{event_type_name}",
            Map.of("application_id", "application_id"), Map.of());

    @Test
    void pathValuesAreEncodedAndQueryMapped() {
        ObjectNode args = Json.object().put("event_type_name", "billing.invoice paid").put("application_id", "a-b");
        Hook0Request request = RequestBuilder.build(getEventType, args);
        assertEquals(List.of("api", "v1", "event_types", "billing.invoice paid"), request.pathSegments());
        assertEquals(List.of(Map.entry("application_id", "a-b")), request.query());
        assertNull(request.body(), "a GET has no body");
        String url = new Hook0Client("https://h.example", Duration.ofSeconds(1)).url(request).toString();
        assertEquals("https://h.example/api/v1/event_types/billing.invoice%20paid?application_id=a-b", url);
    }

    @Test
    void traversalValuesAreRefusedBeforeAnyRequest() {
        for (String bad : new String[] {"..", ".", "a/b", "../organizations", "%2e%2e", "a\\b", "x?y=1", ""}) {
            ObjectNode args = Json.object().put("event_type_name", bad).put("application_id", "x");
            ArgumentException e = assertThrows(ArgumentException.class, () -> RequestBuilder.build(getEventType, args),
                    bad);
            assertTrue(e.getMessage().contains("event_type_name"), e.getMessage());
        }
    }

    @Test
    void queryNamesCanDifferFromArgumentNamesAndArraysAreCommaJoined() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("application_id", "application_id");
        query.put("event_type_names", "event.event_type_names");
        query.put("cursor", "pagination_cursor");
        Route attempts = new Route("GET", "/api/v1/request_attempts", query, Map.of());
        ObjectNode args = Json.object().put("application_id", "app").put("cursor", "abc=");
        args.putArray("event_type_names").add("a.b.c").add("d.e.f");
        assertEquals(List.of(Map.entry("application_id", "app"), Map.entry("event.event_type_names", "a.b.c,d.e.f"),
                Map.entry("pagination_cursor", "abc=")), RequestBuilder.build(attempts, args).query());
    }

    @Test
    void bodyCarriesOnlyBoundArgumentsThatWereGiven() {
        Route replay = new Route("POST", "/api/v1/events/{event_id}/replay", Map.of(),
                Map.of("application_id", "application_id"));
        ObjectNode args = Json.object().put("event_id", "e1").put("application_id", "app");
        Hook0Request request = RequestBuilder.build(replay, args);
        assertEquals("{\"application_id\":\"app\"}", request.body().toString());
        assertEquals(List.of("api", "v1", "events", "e1", "replay"), request.pathSegments());
    }
}

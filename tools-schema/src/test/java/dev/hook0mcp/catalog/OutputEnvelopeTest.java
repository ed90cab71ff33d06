package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static dev.hook0mcp.catalog.CatalogFixtures.fieldNames;
import static dev.hook0mcp.catalog.CatalogFixtures.textList;
import static dev.hook0mcp.catalog.CatalogFixtures.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Output schemas describe the envelope the server produces (not Hook0's raw answer): lists as
 * {items, count, ...}, 204 as {ok, message}, objects as the Hook0 object plus the server's own markers. The
 * server drops null-valued members, so a field Hook0 may send as null is never required.
 */
class OutputEnvelopeTest {

    /** Members Hook0 sends as null (or omits) in some answers (reference §B.2). */
    private static final Set<String> NULLABLE = Set.of(
            "plan", "description", "metadata", "consumption", "picked_at", "failed_at", "succeeded_at",
            "delay_until", "response_id", "http_response_status", "http_code", "headers", "body",
            "elapsed_time_ms", "response_error_name", "ip", "updated_at", "until", "since", "at",
            "full_processing_ms", "payload_decoded", "untrusted_notice", "truncated", "next_cursor");

    @Test
    void listsAreItemsAndCount() {
        for (ToolDefinition t : catalog().tools()) {
            if (t.result().shape() != ResultShape.Shape.LIST) {
                continue;
            }
            JsonNode out = t.outputSchema();
            assertEquals(List.of("items", "count"), textList(out.get("required")), t.name());
            assertEquals("array", out.at("/properties/items/type").asText(), t.name());
            assertEquals("object", out.at("/properties/items/items/type").asText(), t.name() + ": item schema");
            assertEquals("integer", out.at("/properties/count/type").asText(), t.name());
            for (String marker : List.of("truncated", "omitted", "hint")) {
                assertTrue(out.path("properties").has(marker), t.name() + ": list envelope declares " + marker);
            }
            assertEquals(t.result().paginated(), out.path("properties").has("next_cursor"),
                    t.name() + ": next_cursor declared iff paginated");
        }
    }

    @Test
    void emptyAnswersAreOkAndMessage() {
        for (ToolDefinition t : catalog().tools()) {
            if (t.result().shape() == ResultShape.Shape.EMPTY) {
                JsonNode out = t.outputSchema();
                assertEquals(List.of("ok", "message"), fieldNames(out.get("properties")), t.name());
                assertEquals(List.of("ok", "message"), textList(out.get("required")), t.name());
                assertEquals("boolean", out.at("/properties/ok/type").asText());
                assertEquals("string", out.at("/properties/message/type").asText());
            }
        }
    }

    @Test
    void untrustedResultsDeclareTheNotice() {
        for (ToolDefinition t : catalog().tools()) {
            boolean untrusted = !t.result().untrusted().isEmpty() || t.name().equals("explain_event_delivery");
            assertEquals(untrusted, t.outputSchema().path("properties").has("untrusted_notice"), t.name());
        }
    }

    @Test
    void decodedPayloadIsDeclared() {
        JsonNode out = tool("get_event").outputSchema();
        assertEquals("string", out.at("/properties/payload/type").asText());
        assertEquals("string", out.at("/properties/payload_decoded/type").asText());
        assertEquals("boolean", out.at("/properties/truncated/type").asText());
    }

    @Test
    void ingestEventAndCompositesDescribeTheirOwnEnvelopes() {
        assertEquals(List.of("application_id", "event_id"),
                textList(tool("ingest_event").outputSchema().get("required")));
        assertEquals(List.of("event", "status", "summary", "attempt_count", "subscriptions"),
                textList(tool("explain_event_delivery").outputSchema().get("required")));
        assertEquals(List.of("organization_id", "attenuation_blocks"),
                textList(tool("get_token_info").outputSchema().get("required")));
        JsonNode perSubscription = tool("explain_event_delivery").outputSchema()
                .at("/properties/subscriptions/items");
        assertEquals(List.of("subscription_id", "attempt_count", "outcome", "latest_attempt"),
                textList(perSubscription.get("required")));
    }

    @Test
    void nullableHook0FieldsAreNeverRequired() {
        List<String> problems = new ArrayList<>();
        for (ToolDefinition t : catalog().tools()) {
            CatalogFixtures.walkSchemas(t.outputSchema(), (pointer, node) -> {
                for (String name : textList(node.get("required"))) {
                    // response_id is optional on a request attempt, but it is the id of a response.
                    boolean ownId = t.name().equals("get_response") && pointer.equals("/") && name.equals("response_id");
                    if (NULLABLE.contains(name) && !ownId) {
                        problems.add(t.name() + " " + pointer + ": " + name + " may be null or absent");
                    }
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyOutputPropertyHasASingleType() {
        for (ToolDefinition t : catalog().tools()) {
            CatalogFixtures.walkSchemas(t.outputSchema(), (pointer, node) ->
                    assertFalse(node.path("type").isArray(), t.name() + " " + pointer + ": one type"));
        }
    }
}

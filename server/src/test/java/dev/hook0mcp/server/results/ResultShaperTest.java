package dev.hook0mcp.server.results;

import dev.hook0mcp.server.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ResultShape;
import dev.hook0mcp.server.hook0.Hook0Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultShaperTest {

    private final ResultShaper shaper = new ResultShaper(new ShapingOptions(false, 60_000));

    private static ResultShape shape(ResultShape.Shape s, List<String> redact, List<String> untrusted, boolean decode,
            boolean paginated) {
        return new ResultShape(s, null, redact, untrusted, decode, paginated);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void secretsAreRedactedAndNullsDropped() {
        ObjectNode sub = json("""
                {"subscription_id":"s","secret":"0f0f","description":null,
                 "target":{"type":"http","url":"https://x","headers":{"Authorization":"Bearer abc","X-Id":"1"}}}""");
        ObjectNode out = shaper.object(shape(ResultShape.Shape.OBJECT, List.of("secret", "target.headers.*"),
                List.of(), false, false), sub);
        assertEquals(ResultShaper.REDACTED, out.get("secret").asText());
        assertEquals(ResultShaper.REDACTED, out.at("/target/headers/Authorization").asText());
        assertEquals(ResultShaper.REDACTED, out.at("/target/headers/X-Id").asText());
        assertEquals("https://x", out.at("/target/url").asText());
        assertFalse(out.has("description"));

        ObjectNode revealed = new ResultShaper(new ShapingOptions(true, 60_000)).object(
                shape(ResultShape.Shape.OBJECT, List.of("secret"), List.of(), false, false), sub);
        assertEquals("0f0f", revealed.get("secret").asText());
    }

    @Test
    void textPayloadsAreDecodedAndOutsideTextCleanedAndMarked() {
        String payload = Base64.getEncoder().encodeToString(
                "{\"amount\":12,\"note\":\"hi\u202Eevil\u200B\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode event = json("{\"event_id\":\"e\",\"payload_content_type\":\"application/json\",\"payload\":\""
                + payload + "\",\"labels\":{\"k\":\"v\u2066\"}}");
        ObjectNode out = shaper.object(shape(ResultShape.Shape.OBJECT, List.of(),
                List.of("payload", "payload_decoded", "labels.*"), true, false), event);
        assertEquals("{\"amount\":12,\"note\":\"hievil\"}", out.get("payload_decoded").asText());
        assertFalse(out.has("payload"), "the base64 copy is dropped once decoded");
        assertEquals("v", out.at("/labels/k").asText());
        assertTrue(out.get("untrusted_notice").asText().startsWith("payload_decoded, labels come from outside"));
    }

    @Test
    void binaryPayloadsStayBase64() {
        ObjectNode event = json("{\"payload_content_type\":\"application/octet-stream+base64\",\"payload\":\"AAEC\"}");
        ObjectNode out = shaper.object(shape(ResultShape.Shape.OBJECT, List.of(), List.of(), true, false), event);
        assertEquals("AAEC", out.get("payload").asText());
        assertFalse(out.has("payload_decoded"));
    }

    @Test
    void listsCarryCountAndTheNextCursorFromTheLinkHeader() {
        Hook0Response response = new Hook0Response(200, Map.of("link", List.of(
                "<https://h/api/v1/request_attempts?application_id=a&pagination_cursor=eyJ4IjoxfQ%3D%3D>; rel=\"next\"")),
                "[{\"request_attempt_id\":\"r1\"},{\"request_attempt_id\":\"r2\"}]");
        ObjectNode out = shaper.list(shape(ResultShape.Shape.LIST, List.of(), List.of(), false, true), response);
        assertEquals(2, out.get("count").asInt());
        assertEquals("eyJ4IjoxfQ==", out.get("next_cursor").asText());
    }

    @Test
    void oversizedListsAreCutWithAnExplicitMarkerAndAResumingCursor() {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            items.append(i == 0 ? "" : ",").append("{\"request_attempt_id\":\"id-").append(i)
                    .append("\",\"created_at\":\"2026-01-01T00:00:00Z\",\"pad\":\"").append("x".repeat(100)).append("\"}");
        }
        Hook0Response response = new Hook0Response(200, Map.of(), items.append("]").toString());
        ResultShaper small = new ResultShaper(new ShapingOptions(false, 5_000));
        ObjectNode out = small.list(shape(ResultShape.Shape.LIST, List.of(), List.of(), false, true), response);
        assertTrue(Json.byteSize(out) <= 5_000, "fits the budget: " + Json.byteSize(out));
        assertTrue(out.get("truncated").asBoolean());
        int shown = out.get("count").asInt();
        assertEquals(200 - shown, out.get("omitted").asInt());
        String lastId = out.get("items").get(shown - 1).get("request_attempt_id").asText();
        String cursor = new String(Base64.getUrlDecoder().decode(out.get("next_cursor").asText()), StandardCharsets.UTF_8);
        assertEquals("{\"date\":\"2026-01-01T00:00:00Z\",\"id\":\"" + lastId + "\"}", cursor);
        assertTrue(out.get("hint").asText().contains("cursor"));
    }

    @Test
    void oversizedObjectsHaveTheirLongestTextCut() {
        ObjectNode big = Json.object().put("id", "x").put("body", "y".repeat(20_000));
        ObjectNode out = new ResultShaper(new ShapingOptions(false, 4_000)).object(
                shape(ResultShape.Shape.OBJECT, List.of(), List.of(), false, false), big);
        assertTrue(Json.byteSize(out) <= 4_000);
        assertTrue(out.get("truncated").asBoolean());
        assertTrue(out.get("body").asText().contains("[truncated: "));
    }

    @Test
    void emptyAnswersBecomeAReadableConfirmation() {
        ObjectNode out = ResultShaper.confirmation(new ResultShape(ResultShape.Shape.EMPTY,
                "Subscription {subscription_id} deleted.", List.of(), List.of(), false, false),
                Json.object().put("subscription_id", "abc"));
        assertEquals("{\"ok\":true,\"message\":\"Subscription abc deleted.\"}", out.toString());
    }
}

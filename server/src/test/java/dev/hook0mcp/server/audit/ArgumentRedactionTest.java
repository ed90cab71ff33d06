package dev.hook0mcp.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.catalog.ToolCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the audit log shows of a call's arguments: ids and names, never payloads, header values or long text. */
class ArgumentRedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "3f2b8c1e-0d4a-4b6f-9e21-7c5d8a9b0e13";

    private static JsonNode redact(String tool, String arguments) throws Exception {
        return ArgumentRedaction.redact(JSON.readTree(arguments), ToolCatalog.standard().get(tool).auditOmit());
    }

    @Test
    void targetHeaderValuesAreOmittedTheirNamesAndTheRestKept() throws Exception {
        JsonNode shown = redact("create_subscription", "{\"application_id\":\"" + APP + "\",\"event_types\":"
                + "[\"billing.invoice.paid\"],\"labels\":{\"tenant\":\"acme\"},\"target\":{\"type\":\"http\","
                + "\"method\":\"POST\",\"url\":\"https://example.com/hook\",\"headers\":{\"X-Api-Key\":\"s3cr3t-value\"}}}");
        assertEquals("[omitted: 12 bytes]", shown.path("target").path("headers").path("X-Api-Key").asText());
        assertEquals(APP, shown.path("application_id").asText());
        assertEquals("billing.invoice.paid", shown.path("event_types").get(0).asText());
        assertEquals("https://example.com/hook", shown.path("target").path("url").asText());
        assertEquals("acme", shown.path("labels").path("tenant").asText());
        assertFalse(shown.toString().contains("s3cr3t"));
    }

    @Test
    void aPayloadIsOmittedWholeWithItsSizeAsJson() throws Exception {
        JsonNode shown = redact("ingest_event", "{\"application_id\":\"" + APP + "\",\"event_type\":\"a.b.c\","
                + "\"payload_json\":{\"card\":\"4111\"},\"labels\":{\"k\":\"v\"}}");
        assertEquals("[omitted: 15 bytes]", shown.path("payload_json").asText(), "{\"card\":\"4111\"} is 15 bytes");
        assertEquals("a.b.c", shown.path("event_type").asText());
        assertEquals("[omitted: 4 bytes]", redact("ingest_event", "{\"payload\":\"ab=c\"}").path("payload").asText());
    }

    @Test
    void theReplayConfirmationIsOmitted() throws Exception {
        JsonNode shown = redact("replay_failed_events", "{\"application_id\":\"" + APP + "\",\"dry_run\":false,"
                + "\"confirmation\":\"1767312000.abc\"}");
        assertEquals("[omitted: 14 bytes]", shown.path("confirmation").asText());
        assertFalse(shown.path("dry_run").asBoolean(true));
    }

    @Test
    void anyTextOver200CharactersIsOmittedWithItsUtf8Size() throws Exception {
        String long201 = "é".repeat(201);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("name", long201);
        arguments.put("short", "x".repeat(200));
        arguments.put("list", List.of(long201, "ok"));
        JsonNode shown = ArgumentRedaction.redact(arguments, List.of());
        assertEquals("[omitted: 402 bytes]", shown.path("name").asText());
        assertEquals(200, shown.path("short").asText().length(), "200 characters are shown");
        assertEquals("[omitted: 402 bytes]", shown.path("list").get(0).asText());
        assertEquals("ok", shown.path("list").get(1).asText());
        assertEquals(List.of("name", "short", "list"), names(shown), "member order is kept");
    }

    @Test
    void aLongMemberNameIsOmittedToo() {
        JsonNode shown = ArgumentRedaction.redact(Map.of("k".repeat(300), "v"), List.of());
        assertEquals("v", shown.path("[omitted: 300 bytes]").asText());
    }

    @Test
    void hugeArgumentsAreOmittedWhole() {
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            many.put("k" + i, "value-" + i);
        }
        JsonNode shown = ArgumentRedaction.redact(many, List.of());
        assertTrue(shown.isTextual() && shown.asText().matches("\\[omitted: \\d+ bytes]"), shown.toString());
    }

    @Test
    void missingOrNonObjectArgumentsAreAnEmptyObject() throws Exception {
        assertEquals("{}", ArgumentRedaction.redact((Map<String, ?>) null, List.of()).toString());
        assertEquals("{}", ArgumentRedaction.redact(JSON.readTree("[1]"), List.of()).toString());
    }

    @Test
    void theCallersArgumentsAreNotChanged() throws Exception {
        JsonNode given = JSON.readTree("{\"payload\":\"secret\"}");
        ArgumentRedaction.redact(given, List.of("payload"));
        assertEquals("secret", given.path("payload").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

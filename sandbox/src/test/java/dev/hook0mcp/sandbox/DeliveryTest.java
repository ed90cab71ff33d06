package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ingest simulates deliveries at once and deterministically; payloads come back base64. */
class DeliveryTest {

    private static Sandbox sandbox;
    private static Api api;
    private static String root;
    private static UUID app;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(0);
        api = new Api(sandbox);
        root = sandbox.rootToken();
        app = sandbox.applicationId();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String ingest(Api client, String token, UUID application, UUID eventId, String type,
                                 String labelsJson, String payloadJson, String contentType) {
        Api.Reply reply = client.post("/event", token, "{\"application_id\":\"" + application + "\",\"event_id\":\""
                + eventId + "\",\"event_type\":\"" + type + "\",\"payload\":" + payloadJson
                + ",\"payload_content_type\":\"" + contentType + "\",\"occurred_at\":\"2026-03-01T12:00:00Z\","
                + "\"labels\":" + labelsJson + "}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(eventId.toString(), reply.json().path("event_id").asText());
        assertEquals(application.toString(), reply.json().path("application_id").asText());
        return reply.json().path("received_at").asText();
    }

    private static List<JsonNode> attemptsOf(Api client, String token, UUID application, UUID eventId) {
        List<JsonNode> attempts = new ArrayList<>();
        client.get("/request_attempts?application_id=" + application + "&event_id=" + eventId, token).json()
                .forEach(attempts::add);
        return attempts;
    }

    /** subscription description → status type, for one event. */
    private static Map<String, String> outcomes(List<JsonNode> attempts) {
        Map<String, String> outcomes = new TreeMap<>();
        attempts.forEach(a -> outcomes.put(a.path("subscription").path("description").asText(),
                a.path("status").path("type").asText()));
        return outcomes;
    }

    @Test
    void ingestCreatesOneAttemptPerMatchingEnabledSubscription() {
        UUID eventId = UUID.randomUUID();
        ingest(api, root, app, eventId, "billing.invoice.paid", "{\"env\":\"production\",\"extra\":\"x\"}",
                "\"{\\\"invoice_id\\\":\\\"inv_1\\\"}\"", "application/json");
        List<JsonNode> attempts = attemptsOf(api, root, app, eventId);
        assertEquals(Map.of("ERP invoices", "successful", "CRM sync (always fails)", "failed"), outcomes(attempts),
                "the disabled subscription and the staging one (label mismatch) get nothing");

        for (JsonNode attempt : attempts) {
            boolean failed = attempt.path("status").path("type").asText().equals("failed");
            assertEquals(failed ? 500 : 200, attempt.path("http_response_status").asInt());
            assertEquals(failed, !attempt.path("failed_at").isNull());
            assertEquals(!failed, !attempt.path("succeeded_at").isNull());
            assertEquals("billing.invoice.paid", attempt.path("event").path("event_type_name").asText());
            assertEquals(eventId.toString(), attempt.path("event_id").asText());
            assertTrue(attempt.path("status").path("full_processing_ms").asLong() > 0);

            String responseId = attempt.path("response_id").asText();
            Api.Reply response = api.get("/responses/" + responseId + "?application_id=" + app, root);
            assertEquals(200, response.status());
            JsonNode body = response.json();
            assertEquals(failed ? 500 : 200, body.path("http_code").asInt());
            assertTrue(body.path("elapsed_time_ms").asInt() > 0);
            assertFalse(body.path("headers").isEmpty());
            if (failed) {
                assertEquals("upstream exploded", body.path("body").asText());
            } else {
                assertTrue(body.path("body").asText().startsWith("{"));
            }
            assertEquals(attempt, api.get("/request_attempts/" + attempt.path("request_attempt_id").asText()
                    + "?application_id=" + app, root).json().deepCopy(), "get = list item");
        }
    }

    @Test
    void labelsMustAllMatch() {
        UUID staging = UUID.randomUUID();
        ingest(api, root, app, staging, "user.account.created", "{\"env\":\"staging\"}", "\"{}\"", "application/json");
        assertEquals(Map.of("Staging mirror", "successful"), outcomes(attemptsOf(api, root, app, staging)));

        UUID unmatched = UUID.randomUUID();
        ingest(api, root, app, unmatched, "user.account.created", "{\"team\":\"none\"}", "\"{}\"", "application/json");
        assertTrue(attemptsOf(api, root, app, unmatched).isEmpty());
    }

    @Test
    void sameEventGivesTheSameDeliveriesInAnotherSandbox() {
        UUID eventId = UUID.fromString("0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee");
        try (Sandbox first = Sandbox.start(0); Sandbox second = Sandbox.start(0)) {
            List<List<Object>> results = new ArrayList<>();
            for (Sandbox s : List.of(first, second)) {
                Api client = new Api(s);
                ingest(client, s.rootToken(), s.applicationId(), eventId, "billing.invoice.paid",
                        "{\"env\":\"production\"}", "\"{}\"", "application/json");
                List<Object> summary = new ArrayList<>();
                for (JsonNode a : attemptsOf(client, s.rootToken(), s.applicationId(), eventId)) {
                    JsonNode response = client.get("/responses/" + a.path("response_id").asText() + "?application_id="
                            + s.applicationId(), s.rootToken()).json();
                    summary.add(List.of(a.path("subscription").path("subscription_id").asText(),
                            a.path("status").path("type").asText(), response.path("http_code").asInt(),
                            response.path("elapsed_time_ms").asInt(), response.path("body").asText()));
                }
                summary.sort(java.util.Comparator.comparing(Object::toString));
                results.add(summary);
            }
            assertEquals(results.get(0), results.get(1));
            assertEquals(2, results.get(0).size());
        }
    }

    @Test
    void replayCreatesNewAttempts() {
        UUID eventId = UUID.randomUUID();
        ingest(api, root, app, eventId, "billing.invoice.failed", "{\"env\":\"production\"}", "\"{}\"", "application/json");
        assertEquals(1, attemptsOf(api, root, app, eventId).size());
        assertEquals(204, api.post("/events/" + eventId + "/replay", root, "{\"application_id\":\"" + app + "\"}").status());
        assertEquals(2, attemptsOf(api, root, app, eventId).size());
    }

    @Test
    void payloadIsAlwaysStandardBase64OnRead() {
        String json = "{\"amount\":42,\"note\":\"caf\u00e9\"}";
        UUID jsonEvent = UUID.randomUUID();
        ingest(api, root, app, jsonEvent, "billing.invoice.paid", "{\"env\":\"x\"}",
                Api.JSON.valueToTree(json).toString(), "application/json");
        JsonNode got = api.get("/events/" + jsonEvent + "?application_id=" + app, root).json();
        assertEquals(json, new String(Base64.getDecoder().decode(got.path("payload").asText()), StandardCharsets.UTF_8));
        assertEquals("application/json", got.path("payload_content_type").asText());

        UUID textEvent = UUID.randomUUID();
        ingest(api, root, app, textEvent, "billing.invoice.paid", "{\"env\":\"x\"}", "\"hello\"", "text/plain");
        assertEquals(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)),
                api.get("/events/" + textEvent + "?application_id=" + app, root).json().path("payload").asText());

        byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
        String encoded = Base64.getEncoder().encodeToString(binary);
        UUID binaryEvent = UUID.randomUUID();
        ingest(api, root, app, binaryEvent, "billing.invoice.paid", "{\"env\":\"x\"}", "\"" + encoded + "\"",
                "application/octet-stream+base64");
        assertEquals(encoded, api.get("/events/" + binaryEvent + "?application_id=" + app, root).json()
                .path("payload").asText(), "stored decoded, served re-encoded");
    }

    @Test
    void seedDataIsRichEnough() {
        assertTrue(sandbox.store().attemptCount(app) > 60);
        JsonNode subscriptions = api.get("/subscriptions?application_id=" + app, root).json();
        boolean failing = false;
        boolean secretHeader = false;
        for (JsonNode s : subscriptions) {
            failing |= s.path("target").path("url").asText().contains("fail");
            secretHeader |= "Bearer secret-value".equals(s.path("target").path("headers").path("Authorization").asText());
            assertFalse(s.path("labels").isEmpty());
        }
        assertTrue(failing && secretHeader);
        assertFalse(api.get("/events?application_id=" + sandbox.secondApplicationId(), root).json().isEmpty());
        JsonNode perDay = api.get("/events_per_day/application?application_id=" + app, root).json();
        assertTrue(perDay.size() >= 5, perDay::toString);
        int total = 0;
        for (JsonNode day : perDay) {
            total += day.path("amount").asInt();
            assertEquals(app.toString(), day.path("application_id").asText());
        }
        assertTrue(total > 120);
        JsonNode orgPerDay = api.get("/events_per_day/organization?organization_id=" + sandbox.organizationId(), root).json();
        assertTrue(orgPerDay.size() > perDay.size());
    }
}

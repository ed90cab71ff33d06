package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema is valid JSON Schema 2020-12 (checked with the real validator), and the schemas do their job:
 * realistic arguments pass, wrong ones fail; realistic results conform to the output schemas.
 */
class SchemaValidationTest {

    static final String APP = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    static final String ORG = "11111111-2222-3333-4444-555555555555";
    static final String SUB = "22222222-3333-4444-5555-666666666666";
    static final String EVENT = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60";

    static List<String> toolNames() {
        return CatalogFixtures.allNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void inputSchemaIsValidJsonSchema202012(String name) {
        List<String> errors = JsonSchemas.metaSchemaErrors(catalog().get(name).inputSchema());
        assertTrue(errors.isEmpty(), name + " inputSchema:\n" + String.join("\n", errors));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolNames")
    void outputSchemaIsValidJsonSchema202012(String name) {
        List<String> errors = JsonSchemas.metaSchemaErrors(catalog().get(name).outputSchema());
        assertTrue(errors.isEmpty(), name + " outputSchema:\n" + String.join("\n", errors));
    }

    @Test
    void theMetaSchemaCheckCatchesABrokenSchema() {
        // Guard against a check that passes everything: these are not valid 2020-12 schemas.
        assertFalse(JsonSchemas.metaSchemaErrors(json("{\"type\":\"uuid\"}")).isEmpty());
        assertFalse(JsonSchemas.metaSchemaErrors(json("{\"type\":\"string\",\"minLength\":-1}")).isEmpty());
        assertFalse(JsonSchemas.metaSchemaErrors(json("{\"type\":\"object\",\"required\":\"name\"}")).isEmpty());
    }

    // ---- arguments ----------------------------------------------------------------------------------------------

    @Nested
    class Arguments {

        @Test
        void createSubscription() {
            String valid = """
                    {"application_id": "%s", "is_enabled": true, "event_types": ["billing.invoice.paid"],
                     "labels": {"tenant": "acme"}, "description": "Acme's billing endpoint",
                     "target": {"type": "http", "method": "POST", "url": "https://hooks.acme.example/hook0",
                                "headers": {"X-Team": "billing"}}}""".formatted(APP);
            accepts("create_subscription", valid);
            rejects("create_subscription", "unknown argument", with(valid, "label_key", "\"tenant\""));
            rejects("create_subscription", "no labels", without(valid, "labels"));
            rejects("create_subscription", "empty labels", with(valid, "labels", "{}"));
            rejects("create_subscription", "wrong type", with(valid, "is_enabled", "\"yes\""));
            rejects("create_subscription", "method not in enum", with(valid, "target",
                    "{\"type\":\"http\",\"method\":\"FETCH\",\"url\":\"https://a.example\",\"headers\":{}}"));
            rejects("create_subscription", "unknown target member", with(valid, "target",
                    "{\"type\":\"http\",\"method\":\"POST\",\"url\":\"https://a.example\",\"headers\":{},\"timeout\":5}"));
            rejects("create_subscription", "non-http url", with(valid, "target",
                    "{\"type\":\"http\",\"method\":\"POST\",\"url\":\"ftp://a.example\",\"headers\":{}}"));
            rejects("create_subscription", "no event types", with(valid, "event_types", "[]"));
            rejects("create_subscription", "not a UUID", with(valid, "application_id", "\"my-app\""));
        }

        @Test
        void updateSubscriptionTakesOnlyWhatChanges() {
            accepts("update_subscription", "{\"subscription_id\": \"" + SUB + "\", \"is_enabled\": false}");
            rejects("update_subscription", "no subscription id", "{\"is_enabled\": false}");
            rejects("update_subscription", "label value too long", "{\"subscription_id\": \"" + SUB
                    + "\", \"labels\": {\"tenant\": \"" + "x".repeat(51) + "\"}}");
        }

        @Test
        void ingestEvent() {
            String valid = """
                    {"application_id": "%s", "event_type": "billing.invoice.paid", "labels": {"tenant": "acme"},
                     "payload_json": {"invoice_id": "inv_42", "amount": 1200}}""".formatted(APP);
            accepts("ingest_event", valid);
            accepts("ingest_event", """
                    {"application_id": "%s", "event_id": "%s", "event_type": "billing.invoice.paid",
                     "labels": {"tenant": "acme"}, "payload": "paid", "payload_content_type": "text/plain",
                     "occurred_at": "2026-01-01T12:00:00Z", "metadata": {"source": "crm"}}""".formatted(APP, EVENT));
            rejects("ingest_event", "content type not in enum", with(valid, "payload_content_type",
                    "\"application/xml\""));
            rejects("ingest_event", "eleven labels", with(valid, "labels",
                    "{\"a\":\"1\",\"b\":\"1\",\"c\":\"1\",\"d\":\"1\",\"e\":\"1\",\"f\":\"1\",\"g\":\"1\",\"h\":\"1\","
                            + "\"i\":\"1\",\"j\":\"1\",\"k\":\"1\"}"));
            rejects("ingest_event", "payload_json not an object", with(valid, "payload_json", "\"{}\""));
            rejects("ingest_event", "event id not a UUID", with(valid, "event_id", "\"42\""));
            rejects("ingest_event", "no event type", without(valid, "event_type"));
        }

        @Test
        void listRequestAttempts() {
            accepts("list_request_attempts", """
                    {"application_id": "%s", "event_id": "%s", "event_type_names": "billing.invoice.paid,a.b.c",
                     "min_created_at": "2026-01-01T00:00:00Z", "cursor": "eyJkYXRlIjoiMTk3MCJ9"}"""
                    .formatted(APP, EVENT));
            rejects("list_request_attempts", "no page size in Hook0",
                    "{\"application_id\": \"" + APP + "\", \"limit\": 10}");
            rejects("list_request_attempts", "wire name is not the argument name",
                    "{\"application_id\": \"" + APP + "\", \"pagination_cursor\": \"x\"}");
        }

        @Test
        void eventsPerDayDates() {
            accepts("get_events_per_day", "{\"application_id\": \"" + APP + "\", \"from\": \"2026-01-01\"}");
            rejects("get_events_per_day", "not YYYY-MM-DD",
                    "{\"application_id\": \"" + APP + "\", \"from\": \"01/01/2026\"}");
        }

        @Test
        void noArgumentTools() {
            accepts("list_organizations", "{}");
            accepts("get_token_info", "{}");
            rejects("list_organizations", "unknown argument", "{\"organization_id\": \"" + ORG + "\"}");
        }

        @Test
        void applicationNames() {
            accepts("create_application", "{\"organization_id\": \"" + ORG + "\", \"name\": \"Billing\"}");
            rejects("create_application", "name below 2 characters",
                    "{\"organization_id\": \"" + ORG + "\", \"name\": \"B\"}");
        }
    }

    // ---- results ------------------------------------------------------------------------------------------------

    @Nested
    class Results {

        @Test
        void listEnvelope() {
            String valid = """
                    {"items": [{"event_type_name": "billing.invoice.paid", "service_name": "billing",
                                "resource_type_name": "invoice", "verb_name": "paid"}],
                     "count": 1, "truncated": false}""";
            conforms("list_event_types", valid);
            violates("list_event_types", "count missing", without(valid, "count"));
            violates("list_event_types", "item without its name", """
                    {"items": [{"service_name": "billing"}], "count": 1}""");
        }

        @Test
        void paginatedListEnvelope() {
            conforms("list_request_attempts", """
                    {"items": [{"request_attempt_id": "%s", "event_id": "%s",
                                "event": {"event_id": "%s", "event_type_name": "billing.invoice.paid"},
                                "subscription": {"subscription_id": "%s"},
                                "created_at": "2026-01-01T00:00:00Z", "retry_count": 0,
                                "status": {"type": "inprogress", "since": "2026-01-01T00:00:01Z"}}],
                     "count": 1, "next_cursor": "eyJkYXRlIjoiMTk3MCJ9"}""".formatted(EVENT, EVENT, EVENT, SUB));
        }

        @Test
        void emptyEnvelope() {
            conforms("delete_subscription", "{\"ok\": true, \"message\": \"Subscription " + SUB + " deleted.\"}");
            violates("delete_subscription", "ok as a string", "{\"ok\": \"true\", \"message\": \"done\"}");
            violates("delete_subscription", "no message", "{\"ok\": true}");
        }

        @Test
        void subscriptionObjectWithRedactedSecret() {
            conforms("get_subscription", """
                    {"subscription_id": "%s", "application_id": "%s", "is_enabled": true,
                     "event_types": ["billing.invoice.paid"], "labels": {"tenant": "acme"}, "metadata": {},
                     "label_key": "tenant", "label_value": "acme", "secret": "[redacted]",
                     "target": {"type": "http", "method": "POST", "url": "https://a.example", "headers": {"X": "[redacted]"}},
                     "dedicated_workers": [], "created_at": "2026-01-01T00:00:00Z"}""".formatted(SUB, APP));
        }

        @Test
        void eventWithDecodedPayload() {
            conforms("get_event", """
                    {"event_id": "%s", "event_type_name": "billing.invoice.paid",
                     "payload_content_type": "application/json", "payload": "eyJhIjoxfQ==",
                     "payload_decoded": "{\\"a\\":1}", "labels": {"tenant": "acme"},
                     "occurred_at": "2026-01-01T00:00:00Z", "received_at": "2026-01-01T00:00:01Z",
                     "ip": "203.0.113.7", "untrusted_notice": "payload, labels and metadata come from the sender"}"""
                    .formatted(EVENT));
        }

        @Test
        void compositeResults() {
            conforms("ingest_event", "{\"application_id\": \"" + APP + "\", \"event_id\": \"" + EVENT
                    + "\", \"received_at\": \"2026-01-01T00:00:00Z\"}");
            conforms("ingest_event", "{\"application_id\": \"" + APP + "\", \"event_id\": \"" + EVENT
                    + "\", \"already_ingested\": true, \"message\": \"Hook0 already has this event.\"}");
            conforms("explain_event_delivery", """
                    {"event": {"event_id": "%s"}, "status": "failing", "summary": "1 of 1 subscriptions failing",
                     "attempt_count": 3,
                     "subscriptions": [{"subscription_id": "%s", "attempt_count": 3, "outcome": "failed",
                                        "latest_attempt": {"status": {"type": "failed"}},
                                        "latest_response": {"http_code": 500}, "failure_reason": "HTTP 500"}]}"""
                    .formatted(EVENT, SUB));
            conforms("get_token_info", """
                    {"organization_id": "%s", "application_id": "%s", "attenuation_blocks": 1,
                     "expires_at": "2099-01-01T00:00:00Z", "mode": "read-only",
                     "tools": [{"name": "ingest_event", "enabled": false, "reason": "denied by the token"}],
                     "notes": ["signature verified"]}""".formatted(ORG, APP));
            violates("get_token_info", "no organization", "{\"attenuation_blocks\": 0}");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void accepts(String tool, String arguments) {
        List<String> errors = JsonSchemas.validate(catalog().get(tool).inputSchema(), json(arguments));
        assertTrue(errors.isEmpty(), tool + " should accept " + arguments + "\n" + String.join("\n", errors));
    }

    private static void rejects(String tool, String why, String arguments) {
        List<String> errors = JsonSchemas.validate(catalog().get(tool).inputSchema(), json(arguments));
        assertFalse(errors.isEmpty(), tool + " should reject (" + why + "): " + arguments);
    }

    private static void conforms(String tool, String result) {
        List<String> errors = JsonSchemas.validate(catalog().get(tool).outputSchema(), json(result));
        assertTrue(errors.isEmpty(), tool + " output should conform: " + result + "\n" + String.join("\n", errors));
    }

    private static void violates(String tool, String why, String result) {
        List<String> errors = JsonSchemas.validate(catalog().get(tool).outputSchema(), json(result));
        assertFalse(errors.isEmpty(), tool + " output should not conform (" + why + "): " + result);
    }

    static JsonNode json(String text) {
        try {
            return CatalogFixtures.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    private static String with(String object, String member, String valueJson) {
        ObjectNode node = (ObjectNode) json(object);
        node.set(member, json(valueJson));
        return node.toString();
    }

    private static String without(String object, String member) {
        ObjectNode node = (ObjectNode) json(object);
        node.remove(member);
        return node.toString();
    }
}

package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.token.Biscuit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every status rule of Hook0 the sandbox reproduces (reference §A.5, §B.1, §D). */
class StatusCodesTest {

    private static Sandbox sandbox;
    private static Api api;
    private static String root;
    private static String expired;
    private static String readOnly;
    private static UUID app;
    private static UUID org;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(0);
        api = new Api(sandbox);
        root = sandbox.rootToken();
        expired = sandbox.tokens().attenuate(root, Attenuation.none().expiresAt(Instant.now().minusSeconds(60)));
        readOnly = sandbox.tokens().attenuate(root, Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        app = sandbox.applicationId();
        org = sandbox.organizationId();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void assertProblem(int status, String id, Api.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonNode body = reply.json();
        assertEquals(id, body.path("id").asText(), reply::toString);
        assertEquals(status, body.path("status").asInt());
        assertEquals("https://documentation.hook0.com/reference/error-codes#" + id.toLowerCase(),
                body.path("type").asText());
        assertFalse(body.path("title").asText().isEmpty());
        assertFalse(body.path("detail").asText().isEmpty());
        assertTrue(body.has("validation"));
    }

    private static String ingestBody(String eventType, String payload, String contentType, String extra) {
        return "{\"application_id\":\"" + app + "\",\"event_type\":\"" + eventType + "\",\"payload\":" + payload
                + ",\"payload_content_type\":\"" + contentType + "\",\"occurred_at\":\"2026-01-01T00:00:00Z\","
                + "\"labels\":{\"env\":\"test\"}" + extra + "}";
    }

    // ------------------------------------------------------------------ authentication (middleware)

    @Test
    void missingAuthorizationHeaderIs401() {
        Api.Reply reply = api.getWithAuthorization("/organizations", null);
        assertProblem(401, "AuthNoAuthorizationHeader", reply);
        assertEquals("No `Authorization` header was found in the HTTP request", reply.json().path("title").asText());
    }

    @Test
    void garbageTokenIs403InvalidBiscuit() {
        assertProblem(403, "AuthInvalidBiscuit", api.getWithAuthorization("/organizations", "Bearer not-a-biscuit"));
    }

    @Test
    void tokenSignedByAnotherKeyIs403InvalidBiscuit() throws Exception {
        String foreign = Biscuit.builder(new KeyPair()).add_authority_fact("type(\"service_access\")").build()
                .serialize_b64url();
        assertProblem(403, "AuthInvalidBiscuit", api.get("/organizations", foreign));
    }

    @Test
    void surroundingWhitespaceAndWrongPrefixCaseAreNotForgiven() {
        assertProblem(403, "AuthInvalidBiscuit", api.getWithAuthorization("/organizations", "Bearer  " + root));
        assertProblem(403, "AuthInvalidBiscuit", api.getWithAuthorization("/organizations", "bearer " + root));
    }

    @Test
    void bareTokenWithoutBearerPrefixIsAccepted() {
        assertEquals(200, api.getWithAuthorization("/organizations", root).status());
    }

    @Test
    void revokedRootAndItsDerivativesAre403InvalidBiscuit() {
        String other = sandbox.tokens().mintRoot();
        String derived = sandbox.tokens().attenuate(other, Attenuation.application(app));
        assertEquals(200, api.get("/events?application_id=" + app, derived).status());
        assertTrue(sandbox.tokens().revoke(other));
        assertProblem(403, "AuthInvalidBiscuit", api.get("/organizations", other));
        assertProblem(403, "AuthInvalidBiscuit", api.get("/events?application_id=" + app, derived));
        assertEquals(200, api.get("/organizations", root).status(), "other roots stay live");
    }

    // ------------------------------------------------------------------ authorization

    @Test
    void deniedActionIs403Forbidden() {
        String oneApp = sandbox.tokens().attenuate(root, Attenuation.application(app));
        Api.Reply reply = api.get("/events?application_id=" + sandbox.secondApplicationId(), oneApp);
        assertProblem(403, "Forbidden", reply);
        assertEquals("Insufficient rights", reply.json().path("title").asText());
        assertTrue(reply.json().path("validation").isNull());
    }

    @Test
    void unknownApplicationIs403NotFound() {
        assertProblem(403, "Forbidden", api.get("/applications/" + UUID.randomUUID(), root));
        assertProblem(403, "Forbidden", api.get("/events?application_id=" + UUID.randomUUID(), root));
    }

    @Test
    void otherOrganizationIs403() {
        assertProblem(403, "Forbidden", api.get("/applications?organization_id=" + UUID.randomUUID(), root));
        assertProblem(403, "Forbidden", api.get("/organizations/" + UUID.randomUUID(), root));
    }

    @Test
    void deletedApplicationIs403Afterwards() {
        String id = api.post("/applications", root, "{\"organization_id\":\"" + org + "\",\"name\":\"Doomed\"}")
                .json().path("application_id").asText();
        Api.Reply deleted = api.delete("/applications/" + id, root);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
        assertProblem(403, "Forbidden", api.get("/applications/" + id, root));
        assertProblem(403, "Forbidden", api.delete("/applications/" + id, root));
    }

    @Test
    void authorizationComesBeforeValidation() {
        String body = "{\"organization_id\":\"" + org + "\",\"name\":\"\"}";
        assertProblem(403, "Forbidden", api.post("/applications", readOnly, body));
        assertProblem(422, "Validation", api.post("/applications", root, body));
    }

    // ------------------------------------------------------------------ 404

    @Test
    void missingEntityAfterAuthorizationIs404() {
        Api.Reply reply = api.get("/events/" + UUID.randomUUID() + "?application_id=" + app, root);
        assertProblem(404, "NotFound", reply);
        assertEquals("Item not found", reply.json().path("title").asText());
        assertProblem(404, "NotFound", api.get("/request_attempts/" + UUID.randomUUID() + "?application_id=" + app, root));
        assertProblem(404, "NotFound", api.get("/responses/" + UUID.randomUUID() + "?application_id=" + app, root));
        assertProblem(404, "NotFound", api.get("/event_types/no.such.type?application_id=" + app, root));
    }

    @Test
    void subscriptionGetAnswers404BeforeAuthorization() {
        assertProblem(404, "NotFound", api.get("/subscriptions/" + UUID.randomUUID(), expired));
        String existing = api.get("/subscriptions?application_id=" + app, root).json().get(0)
                .path("subscription_id").asText();
        assertProblem(403, "Forbidden", api.get("/subscriptions/" + existing, expired));
        assertEquals(200, api.get("/subscriptions/" + existing, root).status());
    }

    @Test
    void pathParameterThatIsNotAUuidIs404TextPlain() {
        Api.Reply reply = api.get("/applications/not-a-uuid", root);
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        assertEquals(404, api.get("/no_such_route", root).status());
        assertEquals(405, api.delete("/organizations", root).status());
    }

    // ------------------------------------------------------------------ 400

    @Test
    void missingRequiredQueryParameterIs400TextPlain() {
        Api.Reply reply = api.get("/events", root);
        assertEquals(400, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertTrue(reply.body().contains("missing field `application_id`"), reply.body());
        assertEquals(400, api.get("/events?application_id=nope", root).status());
    }

    @Test
    void undecodableBodyIs400JsonPayloadBeforeAuthorization() {
        assertProblem(400, "JsonPayload", api.post("/applications", expired, "{not json"));
        assertProblem(400, "JsonPayload", api.post("/applications", root, "{\"organization_id\":\"" + org + "\"}"));
        assertProblem(400, "JsonPayload", api.post("/applications", root, "{\"organization_id\":\"" + org + "\",\"name\":7}"));
        assertProblem(400, "JsonPayload", api.post("/event", root,
                "{\"application_id\":\"" + app + "\",\"event_type\":\"a.b.c\",\"payload\":\"\","
                        + "\"payload_content_type\":\"text/plain\",\"occurred_at\":\"2026-01-01T00:00:00Z\"}"));
    }

    @Test
    void bodyWithoutJsonContentTypeIs400JsonPayload() {
        Api.Reply reply = api.postWithoutContentType("/applications", root,
                "{\"organization_id\":\"" + org + "\",\"name\":\"No type\"}");
        assertProblem(400, "JsonPayload", reply);
        assertEquals("Content-Type header should be set to 'application/json'", reply.json().path("detail").asText());
    }

    @Test
    void labelsAmbiguityIs400BeforeAuthorization() {
        String body = "{\"application_id\":\"" + app + "\",\"is_enabled\":true,\"event_types\":[\"billing.invoice.paid\"],"
                + "\"target\":{\"type\":\"http\",\"method\":\"POST\",\"url\":\"https://x.example/\",\"headers\":{}}}";
        assertProblem(400, "LabelsAmbiguity", api.post("/subscriptions", expired, body));
    }

    @Test
    void invalidDateRangeIs400BeforeAuthorization() {
        assertProblem(400, "InvalidDateRange",
                api.get("/events_per_day/application?application_id=" + app + "&from=2026-02-01&to=2026-01-01", expired));
        assertProblem(400, "InvalidDateRange", api.get("/events_per_day/organization?organization_id=" + org
                + "&from=2026-02-01&to=2026-01-01", expired));
    }

    @Test
    void unknownEventTypeIs400EventTypeDoesNotExist() {
        assertProblem(400, "EventTypeDoesNotExist",
                api.post("/event", root, ingestBody("no.such.type", "\"x\"", "text/plain", "")));
        assertProblem(400, "EventTypeDoesNotExist", api.post("/subscriptions", root,
                "{\"application_id\":\"" + app + "\",\"is_enabled\":true,\"event_types\":[\"no.such.type\"],"
                        + "\"labels\":{\"a\":\"b\"},\"target\":{\"type\":\"http\",\"method\":\"POST\","
                        + "\"url\":\"https://x.example/\",\"headers\":{}}}"));
    }

    @Test
    void payloadProblemsAre400() {
        assertProblem(400, "EventInvalidPayloadContentType",
                api.post("/event", root, ingestBody("billing.invoice.paid", "\"x\"", "image/png", "")));
        assertProblem(400, "EventInvalidJsonPayload",
                api.post("/event", root, ingestBody("billing.invoice.paid", "\"{nope\"", "application/json", "")));
        assertProblem(400, "EventInvalidBase64Payload", api.post("/event", root,
                ingestBody("billing.invoice.paid", "\"***\"", "application/octet-stream+base64", "")));
    }

    // ------------------------------------------------------------------ 409, 422

    @Test
    void duplicateEventIdIs409() {
        String extra = ",\"event_id\":\"" + UUID.randomUUID() + "\"";
        String body = ingestBody("billing.invoice.paid", "\"{}\"", "application/json", extra);
        assertEquals(201, api.post("/event", root, body).status());
        assertProblem(409, "EventAlreadyIngested", api.post("/event", root, body));
    }

    @Test
    void validationErrorsAre422WithAFieldMap() {
        Api.Reply reply = api.post("/applications", root, "{\"organization_id\":\"" + org + "\",\"name\":\"x\"}");
        assertProblem(422, "Validation", reply);
        JsonNode name = reply.json().path("validation").path("name");
        assertTrue(name.isArray() && name.size() == 1, reply::toString);
        assertEquals("length", name.get(0).path("code").asText());
        assertTrue(name.get(0).has("message"));
        assertEquals(2, name.get(0).path("params").path("min").asInt());
        assertEquals(50, name.get(0).path("params").path("max").asInt());

        Api.Reply subscription = api.post("/subscriptions", root, "{\"application_id\":\"" + app
                + "\",\"is_enabled\":true,\"event_types\":[],\"labels\":{},\"target\":{\"type\":\"http\","
                + "\"method\":\"FETCH\",\"url\":\"ftp://x.example/\",\"headers\":{}}}");
        assertProblem(422, "Validation", subscription);
        JsonNode errors = subscription.json().path("validation");
        for (String field : List.of("event_types", "labels")) {
            assertTrue(errors.path(field).isArray(), field + " in " + errors);
        }
        assertTrue(errors.path("target").path("method").isArray(), errors::toString);
        assertTrue(errors.path("target").path("url").isArray(), errors::toString);
    }

    @Test
    void labelsAreRequiredWithOneToTenEntries() {
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        String body = "{\"application_id\":\"" + app + "\",\"event_type\":\"billing.invoice.paid\",\"payload\":\"x\","
                + "\"payload_content_type\":\"text/plain\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"labels\":{"
                + eleven + "}}";
        assertProblem(422, "Validation", api.post("/event", root, body));
    }

    // ------------------------------------------------------------------ success statuses

    @Test
    void createsAnswer201() {
        Api.Reply application = api.post("/applications", root, "{\"organization_id\":\"" + org + "\",\"name\":\"Created\"}");
        assertEquals(201, application.status());
        assertEquals(org.toString(), application.json().path("organization_id").asText());

        String eventType = "{\"application_id\":\"" + app + "\",\"service\":\"shop\",\"resource_type\":\"order\",\"verb\":\"placed\"}";
        Api.Reply type = api.post("/event_types", root, eventType);
        assertEquals(201, type.status());
        assertEquals("shop.order.placed", type.json().path("event_type_name").asText());
        assertEquals(201, api.post("/event_types", root, eventType).status(), "create is an idempotent upsert");

        Api.Reply subscription = api.post("/subscriptions", root, "{\"application_id\":\"" + app
                + "\",\"is_enabled\":true,\"event_types\":[\"shop.order.placed\"],\"label_key\":\"env\","
                + "\"label_value\":\"prod\",\"description\":\"legacy labels\",\"target\":{\"type\":\"http\","
                + "\"method\":\"post\",\"url\":\"https://shop.example/hook\",\"headers\":{\"X-A\":\"1\"}}}");
        assertEquals(201, subscription.status(), subscription::toString);
        JsonNode created = subscription.json();
        assertEquals("env", created.path("label_key").asText());
        assertEquals("prod", created.path("labels").path("env").asText());
        assertEquals("post", created.path("target").path("method").asText(), "create echoes the target as sent");
        assertNotNull(UUID.fromString(created.path("secret").asText()));
        assertTrue(created.has("created_at") && created.has("updated_at"));
        String id = created.path("subscription_id").asText();
        assertEquals("POST", api.get("/subscriptions/" + id, root).json().path("target").path("method").asText());

        Api.Reply ingested = api.post("/event", root, ingestBody("shop.order.placed", "\"{}\"", "application/json", ""));
        assertEquals(201, ingested.status());
        UUID eventId = UUID.fromString(ingested.json().path("event_id").asText());
        assertEquals(7, eventId.version(), "server-generated ids are UUIDv7");
    }

    @Test
    void deletesAndReplayAnswer204() {
        String type = "{\"application_id\":\"" + app + "\",\"service\":\"tmp\",\"resource_type\":\"thing\",\"verb\":\"gone\"}";
        assertEquals(201, api.post("/event_types", root, type).status());
        assertEquals(204, api.delete("/event_types/tmp.thing.gone?application_id=" + app, root).status());
        assertProblem(404, "NotFound", api.delete("/event_types/tmp.thing.gone?application_id=" + app, root));
        assertProblem(404, "NotFound", api.get("/event_types/tmp.thing.gone?application_id=" + app, root));

        String subscription = api.post("/subscriptions", root, "{\"application_id\":\"" + app + "\",\"is_enabled\":true,"
                + "\"event_types\":[\"billing.invoice.paid\"],\"labels\":{\"a\":\"b\"},\"target\":{\"type\":\"http\","
                + "\"method\":\"POST\",\"url\":\"https://x.example/\",\"headers\":{}}}").json().path("subscription_id").asText();
        assertEquals(204, api.delete("/subscriptions/" + subscription + "?application_id=" + app, root).status());
        assertEquals(204, api.delete("/subscriptions/" + subscription + "?application_id=" + app, root).status(),
                "deleting twice is still 204");
        assertProblem(404, "NotFound", api.get("/subscriptions/" + subscription, root));

        String event = api.get("/events?application_id=" + app, root).json().get(0).path("event_id").asText();
        Api.Reply replay = api.post("/events/" + event + "/replay", root, "{\"application_id\":\"" + app + "\"}");
        assertEquals(204, replay.status());
        assertEquals("", replay.body());
    }

    @Test
    void trailingSlashIsIgnored() {
        assertEquals(200, api.get("/organizations/", root).status());
        assertEquals(200, api.get("/applications/?organization_id=" + org, root).status());
        assertEquals(200, api.get("/applications/" + app + "/", root).status());
        assertEquals(200, api.get("/instance/", null).status());
    }

    @Test
    void publicRoutesNeedNoToken() {
        Api.Reply instance = api.get("/instance", null);
        assertEquals(200, instance.status());
        assertEquals(sandbox.publicKeyHex(), instance.json().path("biscuit_public_key").asText());
        assertTrue(sandbox.publicKeyHex().matches("[0-9a-f]{64}"));
        assertEquals(3, api.get("/payload_content_types", null).json().size());
        assertTrue(api.get("/errors", null).json().size() > 10);
    }

    @Test
    void updatesAnswer200() {
        String id = api.post("/applications", root, "{\"organization_id\":\"" + org + "\",\"name\":\"Before\"}")
                .json().path("application_id").asText();
        Api.Reply renamed = api.put("/applications/" + id, root, "{\"organization_id\":\"" + org + "\",\"name\":\"After\"}");
        assertEquals(200, renamed.status());
        assertEquals("After", renamed.json().path("name").asText());

        JsonNode existing = api.get("/subscriptions?application_id=" + app, root).json().get(0);
        String subscription = existing.path("subscription_id").asText();
        Api.Reply updated = api.put("/subscriptions/" + subscription, root, "{\"application_id\":\"" + app
                + "\",\"is_enabled\":true,\"event_types\":[\"billing.invoice.paid\"],\"labels\":{\"env\":\"production\"},"
                + "\"description\":\"updated\",\"target\":{\"type\":\"http\",\"method\":\"PUT\","
                + "\"url\":\"https://updated.example/hook\",\"headers\":{}}}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("updated", updated.json().path("description").asText());
        assertEquals(existing.path("secret").asText(), updated.json().path("secret").asText());
        assertProblem(404, "NotFound", api.put("/subscriptions/" + UUID.randomUUID(), root, "{\"application_id\":\"" + app
                + "\",\"is_enabled\":true,\"event_types\":[\"billing.invoice.paid\"],\"labels\":{\"env\":\"x\"},"
                + "\"target\":{\"type\":\"http\",\"method\":\"PUT\",\"url\":\"https://u.example/\",\"headers\":{}}}"));
    }

    @Test
    void expiryIsCheckedAgainstTheClock() {
        String soon = sandbox.tokens().attenuate(root, Attenuation.none().expiresAt(Instant.now().plus(Duration.ofHours(1))));
        assertEquals(200, api.get("/organizations", soon).status());
        assertProblem(403, "Forbidden", api.get("/organizations", expired));
    }
}

package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.biscuitsec.biscuit.crypto.PublicKey;
import org.biscuitsec.biscuit.token.Biscuit;
import biscuit.format.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public Java API: start/close, tokens, request log, digest, concurrency. */
class SandboxTest {

    private static Sandbox sandbox;
    private static Api api;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(0);
        api = new Api(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertTrue(sandbox.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), sandbox.baseUrl());
        assertTrue(sandbox.publicKeyHex().matches("[0-9a-f]{64}"));
    }

    @Test
    void rootTokenCarriesExactlyHook0sAuthorityFacts() throws Exception {
        Biscuit root = Biscuit.from_b64url(sandbox.rootToken(),
                new PublicKey(Schema.PublicKey.Algorithm.Ed25519, sandbox.publicKeyHex()));
        assertEquals(1, root.checks().size(), "one block");
        String printed = root.print();
        assertTrue(printed.contains("type(\"service_access\")"), printed);
        assertTrue(printed.contains("version(1)"), printed);
        assertTrue(printed.matches("(?s).*token_id\\(hex:[0-9a-f]{32}\\).*"), printed);
        assertTrue(printed.matches("(?s).*created_at\\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\).*"), printed);
        assertTrue(printed.contains("organization_id(hex:" + sandbox.organizationId().toString().replace("-", "") + ")"),
                printed);
        assertTrue(root.checks().get(0).isEmpty(), "no checks in the authority block");
    }

    @Test
    void attenuationIsOneBlockInEvaluableForms() throws Exception {
        UUID app = sandbox.applicationId();
        Attenuation attenuation = Attenuation.application(app).expiresAt(Instant.parse("2099-01-01T00:00:00.123Z"))
                .allowActions(Set.of("event:list", "event:get"));
        assertEquals(List.of(
                "check if application_id($a), $a == hex:" + app.toString().replace("-", ""),
                "check if time($t), $t < 2099-01-01T00:00:00Z",
                "check if action($a), [\"event:get\", \"event:list\"].contains($a)"), attenuation.datalogChecks());
        assertEquals("check if application_id(hex:" + app.toString().replace("-", "") + ")",
                Attenuation.application(app).dashboardForm().datalogChecks().get(0));

        String token = sandbox.tokens().attenuate(sandbox.rootToken(), attenuation);
        Biscuit parsed = Biscuit.from_b64url(token,
                new PublicKey(Schema.PublicKey.Algorithm.Ed25519, sandbox.publicKeyHex()));
        assertEquals(2, parsed.checks().size(), "root + one appended block");
        assertEquals(200, api.get("/events?application_id=" + app, token).status());
        assertEquals(403, api.get("/subscriptions?application_id=" + app, token).status());
        assertThrows(IllegalArgumentException.class, () -> Attenuation.none().allowActions(Set.of("bad\"name")));
    }

    @Test
    void mintedRootsAreLiveAndRevocable() {
        String fresh = sandbox.tokens().mintRoot();
        assertEquals(200, api.get("/organizations", fresh).status());
        assertTrue(sandbox.tokens().revoke(fresh));
        assertFalse(sandbox.tokens().revoke(fresh), "already revoked");
        assertEquals(403, api.get("/organizations", fresh).status());
    }

    @Test
    void tokensOfAnotherSandboxAreInvalidHere() {
        try (Sandbox other = Sandbox.start(0)) {
            Api.Reply reply = api.get("/organizations", other.rootToken());
            assertEquals("AuthInvalidBiscuit", reply.problemId());
        }
    }

    @Test
    void requestLogRecordsRequestsAsReceived() {
        try (Sandbox own = Sandbox.start(0)) {
            Api client = new Api(own);
            String body = "{\"organization_id\":\"" + own.organizationId() + "\",\"name\":\"\"}";
            client.post("/applications", own.rootToken(), body);
            client.getWithAuthorization("/events?application_id=" + own.applicationId() + "&x=a%20b", own.rootToken());
            List<RecordedRequest> log = own.requestLog().entries();
            assertEquals(2, log.size());
            RecordedRequest post = log.get(0);
            assertEquals("POST", post.method());
            assertEquals("/api/v1/applications", post.path());
            assertEquals(null, post.rawQuery());
            assertEquals("Bearer " + own.rootToken(), post.authorization());
            assertEquals("application/json", post.header("Content-Type"));
            assertEquals(body, post.body());
            assertEquals(422, post.status());
            RecordedRequest get = log.get(1);
            assertEquals("application_id=" + own.applicationId() + "&x=a%20b", get.rawQuery());
            assertEquals(own.rootToken(), get.authorization(), "bare token, exactly as sent");
            assertEquals(200, get.status());
            assertFalse(get.toString().contains(own.rootToken()), "toString hides header values");
            assertThrows(UnsupportedOperationException.class, () -> get.headers().put("x", List.of()));
            assertEquals(2, own.requestLog().size());
            own.requestLog().clear();
            assertTrue(own.requestLog().isEmpty());
        }
    }

    @Test
    void concurrentRequestsAreSafe() throws Exception {
        try (Sandbox own = Sandbox.start(0)) {
            Api client = new Api(own);
            int before = own.store().attemptCount(own.applicationId());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> n % 2 == 0
                        ? client.post("/event", own.rootToken(), "{\"application_id\":\"" + own.applicationId()
                        + "\",\"event_type\":\"billing.invoice.failed\",\"payload\":\"{}\",\"payload_content_type\":"
                        + "\"application/json\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"labels\":{\"env\":\"production\"}}")
                        .status()
                        : client.get("/request_attempts?application_id=" + own.applicationId(), own.rootToken()).status()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? 201 : 200, results.get(i).get());
            }
            pool.shutdown();
            assertEquals(before + 20, own.store().attemptCount(own.applicationId()), "one ERP attempt per event");
            assertEquals(40, own.requestLog().size());
        }
    }
}

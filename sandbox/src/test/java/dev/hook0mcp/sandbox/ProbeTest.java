package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The side-effect-free probes of reference §C.3: an allowed action answers 422/404, a denied one 403
 * {@code Forbidden}, and no probe changes any data.
 */
class ProbeTest {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";

    /** One probe: the action it tests, the status when allowed, and how to send it for an application. */
    record Probe(String action, int allowedStatus, BiFunction<String, UUID, Api.Reply> send) {
    }

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

    private static List<Probe> probes() {
        UUID org = sandbox.organizationId();
        String subscriptionBody = "\"is_enabled\":false,\"event_types\":[],\"labels\":{},\"target\":{\"type\":\"http\","
                + "\"method\":\"POST\",\"url\":\"https://example.invalid/\",\"headers\":{}}}";
        return List.of(
                new Probe("event:ingest", 422, (t, app) -> api.post("/event", t, "{\"application_id\":\"" + app
                        + "\",\"event_type\":\"\",\"payload\":\"\",\"payload_content_type\":\"text/plain\","
                        + "\"occurred_at\":\"2020-01-01T00:00:00Z\",\"labels\":{}}")),
                new Probe("application:create", 422, (t, app) -> api.post("/applications", t,
                        "{\"organization_id\":\"" + org + "\",\"name\":\"\"}")),
                new Probe("application:edit", 422, (t, app) -> api.put("/applications/" + app, t,
                        "{\"organization_id\":\"" + org + "\",\"name\":\"\"}")),
                new Probe("event_type:create", 422, (t, app) -> api.post("/event_types", t, "{\"application_id\":\""
                        + app + "\",\"service\":\"\",\"resource_type\":\"\",\"verb\":\"\"}")),
                new Probe("event_type:delete", 404, (t, app) ->
                        api.delete("/event_types/nonexistent.probe.x?application_id=" + app, t)),
                new Probe("subscription:create", 422, (t, app) -> api.post("/subscriptions", t,
                        "{\"application_id\":\"" + app + "\"," + subscriptionBody)),
                new Probe("subscription:edit", 422, (t, app) -> api.put("/subscriptions/" + NIL, t,
                        "{\"application_id\":\"" + app + "\"," + subscriptionBody)),
                new Probe("subscription:delete", 404, (t, app) ->
                        api.delete("/subscriptions/" + NIL + "?application_id=" + app, t)),
                new Probe("event:replay", 404, (t, app) -> api.post("/events/" + NIL + "/replay", t,
                        "{\"application_id\":\"" + app + "\"}")));
    }

    private static void runProbes(String token, UUID app, Set<String> allowedActions) {
        for (Probe probe : probes()) {
            Api.Reply reply = probe.send().apply(token, app);
            if (allowedActions.contains(probe.action())) {
                assertEquals(probe.allowedStatus(), reply.status(), probe.action() + ": " + reply);
            } else {
                assertEquals(403, reply.status(), probe.action() + ": " + reply);
                assertEquals("Forbidden", reply.problemId(), probe.action() + ": " + reply);
            }
        }
    }

    private static Set<String> allActions() {
        Set<String> all = new HashSet<>();
        probes().forEach(p -> all.add(p.action()));
        return all;
    }

    @Test
    void rootTokenIsAllowedEverythingAndNothingChanges() {
        String before = sandbox.stateDigest();
        runProbes(sandbox.rootToken(), sandbox.applicationId(), allActions());
        runProbes(sandbox.rootToken(), sandbox.secondApplicationId(), allActions());
        assertEquals(before, sandbox.stateDigest());
    }

    @Test
    void readOnlyTokenIsDeniedEveryWriteAndNothingChanges() {
        String before = sandbox.stateDigest();
        String readOnly = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        runProbes(readOnly, sandbox.applicationId(), Set.of());
        assertEquals(200, api.get("/events?application_id=" + sandbox.applicationId(), readOnly).status(),
                "reads are plain GETs");
        assertEquals(before, sandbox.stateDigest());
    }

    @Test
    void readIngestTokenIsAllowedOnlyIngest() {
        String before = sandbox.stateDigest();
        Set<String> actions = new HashSet<>(Attenuation.READ_ACTIONS);
        actions.add("event:ingest");
        String readIngest = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(actions));
        runProbes(readIngest, sandbox.applicationId(), Set.of("event:ingest"));
        assertEquals(before, sandbox.stateDigest());
    }

    @Test
    void oneApplicationTokenIsAllowedApplicationWritesOnItsApplicationOnly() {
        String before = sandbox.stateDigest();
        String oneApp = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.application(sandbox.applicationId()));
        Set<String> appLevel = allActions();
        appLevel.remove("application:create");
        runProbes(oneApp, sandbox.applicationId(), appLevel);
        runProbes(oneApp, sandbox.secondApplicationId(), Set.of());
        assertEquals(before, sandbox.stateDigest());
    }

    @Test
    void digestSeesARealWrite() {
        String before = sandbox.stateDigest();
        try (Sandbox other = Sandbox.start(0)) {
            Api otherApi = new Api(other);
            String digest = other.stateDigest();
            assertEquals(201, otherApi.post("/applications", other.rootToken(), "{\"organization_id\":\""
                    + other.organizationId() + "\",\"name\":\"Changes things\"}").status());
            org.junit.jupiter.api.Assertions.assertNotEquals(digest, other.stateDigest());
        }
        assertEquals(before, sandbox.stateDigest());
    }
}

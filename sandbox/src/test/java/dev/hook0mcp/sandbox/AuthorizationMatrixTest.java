package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hook0's authorization matrix (reference §A.2): each token against organization-level reads,
 * application-level reads on the busy application and on the other one, and three writes.
 */
class AuthorizationMatrixTest {

    enum Outcome { ALLOWED, FORBIDDEN, INVALID_BISCUIT }

    enum Kind { ORG_READ, OWN_APP_READ, OTHER_APP_READ, APPLICATION_CREATE, EVENT_INGEST, SUBSCRIPTION_CREATE }

    record Operation(String name, Kind kind, Function<String, Api.Reply> call) {
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

    @TestFactory
    Stream<DynamicTest> everyTokenAgainstEveryOperation() {
        SandboxTokens tokens = sandbox.tokens();
        UUID app = sandbox.applicationId();
        String root = sandbox.rootToken();
        Instant future = Instant.now().plus(Duration.ofDays(365));
        Instant past = Instant.now().minus(Duration.ofDays(1));
        Set<String> readIngest = new HashSet<>(Attenuation.READ_ACTIONS);
        readIngest.add("event:ingest");
        String revokedRoot = tokens.mintRoot();
        String revokedDerivative = tokens.attenuate(revokedRoot, Attenuation.application(app));
        tokens.revoke(revokedRoot);

        Map<String, String> tokenByName = new LinkedHashMap<>();
        tokenByName.put("root", root);
        tokenByName.put("one application", tokens.attenuate(root, Attenuation.application(app)));
        tokenByName.put("one application (dashboard form)",
                tokens.attenuate(root, Attenuation.application(app).dashboardForm()));
        tokenByName.put("one application + future expiry",
                tokens.attenuate(root, Attenuation.application(app).expiresAt(future)));
        tokenByName.put("expired", tokens.attenuate(root, Attenuation.none().expiresAt(past)));
        tokenByName.put("revoked root", revokedRoot);
        tokenByName.put("derivative of a revoked root", revokedDerivative);
        tokenByName.put("read-only allow-list", tokens.attenuate(root, Attenuation.none().allowActions(Attenuation.READ_ACTIONS)));
        tokenByName.put("read + ingest allow-list", tokens.attenuate(root, Attenuation.none().allowActions(readIngest)));

        List<DynamicTest> tests = new ArrayList<>();
        tokenByName.forEach((tokenName, token) -> {
            for (Operation op : operations()) {
                Outcome expected = expected(tokenName, op.kind());
                tests.add(dynamicTest(tokenName + " × " + op.name() + " → " + expected,
                        () -> assertOutcome(expected, op, op.call().apply(token))));
            }
        });
        return tests.stream();
    }

    private static Outcome expected(String token, Kind kind) {
        switch (token) {
            case "root":
                return Outcome.ALLOWED;
            case "one application":
            case "one application (dashboard form)":
            case "one application + future expiry":
                return kind == Kind.OWN_APP_READ || kind == Kind.EVENT_INGEST || kind == Kind.SUBSCRIPTION_CREATE
                        ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case "expired":
                return Outcome.FORBIDDEN;
            case "revoked root":
            case "derivative of a revoked root":
                return Outcome.INVALID_BISCUIT;
            case "read-only allow-list":
                return isRead(kind) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case "read + ingest allow-list":
                return isRead(kind) || kind == Kind.EVENT_INGEST ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            default:
                throw new IllegalArgumentException(token);
        }
    }

    private static boolean isRead(Kind kind) {
        return kind == Kind.ORG_READ || kind == Kind.OWN_APP_READ || kind == Kind.OTHER_APP_READ;
    }

    private static void assertOutcome(Outcome expected, Operation op, Api.Reply reply) {
        switch (expected) {
            case ALLOWED -> assertEquals(isRead(op.kind()) ? 200 : 201, reply.status(), reply::toString);
            case FORBIDDEN -> {
                assertEquals(403, reply.status(), reply::toString);
                assertEquals("Forbidden", reply.problemId(), reply::toString);
            }
            case INVALID_BISCUIT -> {
                assertEquals(403, reply.status(), reply::toString);
                assertEquals("AuthInvalidBiscuit", reply.problemId(), reply::toString);
            }
        }
    }

    private static List<Operation> operations() {
        UUID org = sandbox.organizationId();
        UUID own = sandbox.applicationId();
        UUID other = sandbox.secondApplicationId();
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("organizations.list", Kind.ORG_READ, t -> api.get("/organizations", t)));
        ops.add(new Operation("organizations.get", Kind.ORG_READ, t -> api.get("/organizations/" + org, t)));
        ops.add(new Operation("applications.list", Kind.ORG_READ,
                t -> api.get("/applications?organization_id=" + org, t)));
        ops.add(new Operation("events_per_day.organization", Kind.ORG_READ,
                t -> api.get("/events_per_day/organization?organization_id=" + org, t)));
        for (UUID app : List.of(own, other)) {
            Kind kind = app.equals(own) ? Kind.OWN_APP_READ : Kind.OTHER_APP_READ;
            String which = app.equals(own) ? "(token's app)" : "(other app)";
            ops.add(new Operation("applications.get " + which, kind, t -> api.get("/applications/" + app, t)));
            ops.add(new Operation("event_types.list " + which, kind,
                    t -> api.get("/event_types?application_id=" + app, t)));
            ops.add(new Operation("subscriptions.list " + which, kind,
                    t -> api.get("/subscriptions?application_id=" + app, t)));
            ops.add(new Operation("events.list " + which, kind, t -> api.get("/events?application_id=" + app, t)));
            ops.add(new Operation("request_attempts.list " + which, kind,
                    t -> api.get("/request_attempts?application_id=" + app, t)));
        }
        ops.add(new Operation("applications.create", Kind.APPLICATION_CREATE, t -> api.post("/applications", t,
                "{\"organization_id\":\"" + org + "\",\"name\":\"Matrix app\"}")));
        ops.add(new Operation("events.ingest", Kind.EVENT_INGEST, t -> api.post("/event", t,
                "{\"application_id\":\"" + own + "\",\"event_type\":\"user.account.created\","
                        + "\"payload\":\"{}\",\"payload_content_type\":\"application/json\","
                        + "\"occurred_at\":\"2026-01-01T00:00:00Z\",\"labels\":{\"env\":\"matrix\"}}")));
        ops.add(new Operation("subscriptions.create", Kind.SUBSCRIPTION_CREATE, t -> api.post("/subscriptions", t,
                "{\"application_id\":\"" + own + "\",\"is_enabled\":true,\"event_types\":[\"billing.invoice.paid\"],"
                        + "\"labels\":{\"env\":\"matrix\"},\"target\":{\"type\":\"http\",\"method\":\"POST\","
                        + "\"url\":\"https://matrix.example/hook\",\"headers\":{}}}")));
        return ops;
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.Hook0Action;
import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.token.TokenReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cross-engine: the tokens {@code hook0-mcp attenuate} makes (run in-process through its entry point) (with biscuit-java) are evaluated by Hook0's own
 * Biscuit engine, biscuit-auth 6 as {@code @biscuit-auth/biscuit-wasm} (pinned in {@code src/test/node-biscuit}),
 * with Hook0's authorizer as {@code iam.rs::authorize} writes it. Every action is asked, on the token's
 * application and on another one. Our Datalog forms (a set, {@code $a == hex:…}) must decide exactly as the
 * dashboard's (an array, {@code application_id(hex:…)}) on tokens Hook0 itself minted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hook0EngineAttenuationIT {

    private static final Hook0Actions ACTIONS = Hook0Actions.standard();
    private static final Set<String> READ_CLAIM = Set.copyOf(ACTIONS.readOnlyClaim());
    /** Actions the catalogue never offers, asked anyway: an assistant's token must never reach them. */
    private static final List<String> ORGANIZATION_SECRETS = List.of("service_token:list", "service_token:create",
            "service_token:get", "service_token:edit", "service_token:delete");
    private static final List<String> APPLICATION_SECRETS = List.of("application_secret:list",
            "application_secret:create", "application_secret:edit", "application_secret:delete");

    private Sandbox sandbox;
    private JsonNode fixtures;
    private final List<Query> queries = new ArrayList<>();
    private final Map<Query, Boolean> verdicts = new LinkedHashMap<>();

    /**
     * One request: {@code token} asks {@code action} on {@code application} (null: not application-scoped), at
     * {@code time} (null: when the engine runs).
     */
    record Query(String tokenName, String token, String publicKey, UUID organization, String action,
                 boolean applicationScoped, UUID application, boolean viewer, Instant time) {}

    @BeforeAll
    void attenuateThenAskHook0sEngine() throws Exception {
        sandbox = Sandbox.start(0);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hook0-tokens.json")) {
            fixtures = Results.JSON.readTree(in);
        }
        Map<String, String> env = Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", sandbox.rootToken());
        String app = sandbox.applicationId().toString();
        ask("read-only", attenuate(env, "--read-only"), sandbox);
        ask("read-ingest", attenuate(env, "--read-only", "--allow", "event:ingest"), sandbox);
        ask("application", attenuate(env, "--application", app), sandbox);
        ask("application-30d", attenuate(env, "--application", app, "--expires", "30d"), sandbox);
        ask("allow", attenuate(env, "--allow", "event:list,event:ingest"), sandbox);
        // An hour (a slow attenuate must not see it expire), asked just after its expiry by the time Hook0's
        // engine is given, rather than after waiting for it.
        String soon = attenuate(env, "--expires", "1h");
        Instant afterExpiry = TokenReader.read(soon).expiresAt().orElseThrow().plusSeconds(1);
        ask("expired", soon, sandbox.publicKeyHex(), sandbox.organizationId(), sandbox.applicationId(),
                sandbox.secondApplicationId(), afterExpiry);

        // Tokens Hook0 itself minted (fixtures): ours next to the dashboard's, from the same root.
        Map<String, String> offline = Map.of("HOOK0_API_URL", "http://127.0.0.1:9",
                "HOOK0_API_TOKEN", fixture("root"));
        String fixtureApp = fixtures.path("application_id").asText();
        askFixture("ours:application", attenuate(offline, "--application", fixtureApp));
        askFixture("dashboard:application", fixture("app"));
        askFixture("ours:read-only", attenuate(offline, "--read-only"));
        askFixture("dashboard:read-only", fixture("readonly"));
        askFixture("ours:read-ingest", attenuate(offline, "--read-only", "--allow", "event:ingest"));
        askFixture("dashboard:read-ingest", fixture("read_ingest"));
        runHook0Engine();
    }

    @AfterAll
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void readOnlyTokenIsAllowedTheWholeClaimAndNothingElse() {
        assertVerdicts("read-only", (action, app) -> READ_CLAIM.contains(action));
        for (String denied : List.of("event:ingest", "subscription:create", "service_token:list",
                "service_token:create", "service_token:delete", "application_secret:list",
                "application_secret:create")) {
            assertFalse(verdict("read-only", denied, sandbox.applicationId()), denied);
        }
    }

    @Test
    void readOnlyPlusIngestAddsIngestOnly() {
        assertVerdicts("read-ingest", (action, app) -> READ_CLAIM.contains(action) || action.equals("event:ingest"));
    }

    @Test
    void applicationTokenIsDeniedAnotherApplicationAndTheOrganization() {
        BiPredicate<String, UUID> onItsApplicationOnly = (action, app) -> sandbox.applicationId().equals(app);
        assertVerdicts("application", onItsApplicationOnly);
        assertVerdicts("application-30d", onItsApplicationOnly);
        assertFalse(verdict("application", "event:ingest", sandbox.secondApplicationId()));
        assertTrue(verdict("application", "event:ingest", sandbox.applicationId()));
    }

    @Test
    void customAllowList() {
        assertVerdicts("allow", (action, app) -> Set.of("event:list", "event:ingest").contains(action));
    }

    @Test
    void expiredTokenIsDeniedEverything() {
        assertVerdicts("expired", (action, app) -> false);
    }

    @Test
    void ourFormsDecideExactlyAsTheDashboardsOnTokensHook0Minted() {
        for (String recipe : List.of("application", "read-only", "read-ingest")) {
            List<Boolean> ours = verdictsOf("ours:" + recipe);
            List<Boolean> dashboard = verdictsOf("dashboard:" + recipe);
            assertEquals(dashboard, ours, recipe);
            assertTrue(ours.contains(true) && ours.contains(false), recipe + " allows some and denies some");
        }
    }

    private void assertVerdicts(String tokenName, BiPredicate<String, UUID> expected) {
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<Query, Boolean> e : verdicts.entrySet()) {
            Query q = e.getKey();
            if (q.tokenName().equals(tokenName)) {
                asked++;
                boolean want = expected.test(q.action(), q.application());
                if (e.getValue() != want) {
                    wrong.add(q.action() + " on " + q.application() + ": " + (e.getValue() ? "allowed" : "denied"));
                }
            }
        }
        assertTrue(asked > 40, tokenName + " was asked only " + asked + " questions");
        assertTrue(wrong.isEmpty(), tokenName + " decided wrongly by Hook0's engine: " + wrong);
    }

    /** The verdict on {@code application}, or the only one of an organization-level action. */
    private boolean verdict(String tokenName, String action, UUID application) {
        return verdicts.entrySet().stream()
                .filter(e -> e.getKey().tokenName().equals(tokenName) && e.getKey().action().equals(action)
                        && (e.getKey().application() == null || application.equals(e.getKey().application())))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(tokenName + " " + action));
    }

    private List<Boolean> verdictsOf(String tokenName) {
        return verdicts.entrySet().stream().filter(e -> e.getKey().tokenName().equals(tokenName))
                .map(Map.Entry::getValue).toList();
    }

    private String fixture(String name) {
        return fixtures.path("tokens").path(name).path("token").asText();
    }

    private static String attenuate(Map<String, String> env, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "attenuate";
        System.arraycopy(args, 0, all, 1, args.length);
        RawProcess.Outcome outcome = InProcessServer.run(env, all); // hook0-mcp attenuate, in-process
        assertEquals(0, outcome.status(), outcome.stderr());
        List<String> lines = outcome.stdout().lines().toList();
        assertEquals(1, lines.size(), "stdout holds the token only");
        return lines.get(0);
    }

    private void ask(String name, String token, Sandbox sandbox) {
        ask(name, token, sandbox.publicKeyHex(), sandbox.organizationId(), sandbox.applicationId(),
                sandbox.secondApplicationId(), null);
    }

    private void askFixture(String name, String token) {
        ask(name, token, fixtures.path("biscuit_public_key").asText(),
                UUID.fromString(fixtures.path("organization_id").asText()),
                UUID.fromString(fixtures.path("application_id").asText()),
                UUID.fromString(fixtures.path("other_application_id").asText()), null);
    }

    /** Every action once (organization-level ones) or on both applications (application-scoped ones). */
    private void ask(String name, String token, String key, UUID org, UUID app, UUID otherApp, Instant time) {
        for (Hook0Action a : ACTIONS.all()) {
            UUID orgOrNone = a.scope() == Hook0Action.Scope.NONE ? null : org;
            if (a.isApplicationScoped()) {
                queries.add(new Query(name, token, key, orgOrNone, a.name(), true, app, a.viewer(), time));
                queries.add(new Query(name, token, key, orgOrNone, a.name(), true, otherApp, a.viewer(), time));
            } else {
                queries.add(new Query(name, token, key, orgOrNone, a.name(), false, null, a.viewer(), time));
            }
        }
        ORGANIZATION_SECRETS.forEach(s -> queries.add(new Query(name, token, key, org, s, false, null, false, time)));
        for (String s : APPLICATION_SECRETS) {
            queries.add(new Query(name, token, key, org, s, true, app, false, time));
            queries.add(new Query(name, token, key, org, s, true, otherApp, false, time));
        }
    }

    private void runHook0Engine() throws Exception {
        TypeScriptClient engine = TypeScriptClient.prepare(Path.of("src/test/node-biscuit"),
                Path.of("target/node-biscuit"));
        ObjectNode input = Results.JSON.createObjectNode();
        ArrayNode list = input.putArray("queries");
        for (Query q : queries) {
            ObjectNode o = list.addObject().put("token", q.token()).put("publicKey", q.publicKey())
                    .put("action", q.action()).put("viewer", q.viewer());
            o.put("organizationId", q.organization() == null ? null : q.organization().toString());
            o.put("applicationId", q.applicationScoped() ? q.application().toString() : null);
            if (q.time() != null) {
                o.put("time", q.time().truncatedTo(ChronoUnit.SECONDS).toString());
            }
        }
        Path file = Files.writeString(Path.of("target/node-biscuit/queries.json"),
                Results.JSON.writeValueAsString(input));
        JsonNode results = engine.run("hook0-authorize.mjs", file.toAbsolutePath().toString()).path("results");
        assertEquals(queries.size(), results.size());
        for (int i = 0; i < queries.size(); i++) {
            JsonNode r = results.get(i);
            String error = r.path("error").asText("");
            // A denial is a failed check or policy; anything else (bad signature, parse error, timeout) is a bug.
            assertTrue(r.path("allowed").asBoolean() || error.contains("FailedLogic"),
                    queries.get(i).tokenName() + " " + queries.get(i).action() + ": " + error);
            verdicts.put(queries.get(i), r.path("allowed").asBoolean());
        }
    }
}

package dev.hook0mcp.server.attenuate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.access.AccessInspector;
import dev.hook0mcp.server.access.AccessReport;
import dev.hook0mcp.server.access.ProbeBudgets;
import dev.hook0mcp.server.access.ProbeCache;
import dev.hook0mcp.server.access.Ticker;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.access.ToolSelection;
import dev.hook0mcp.server.access.ToolSurface;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.it.SettableClock;
import dev.hook0mcp.server.token.TokenFacts;
import dev.hook0mcp.server.token.TokenReader;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hook0-mcp attenuate} against the sandbox (real Ed25519 tokens, Hook0's authorizer): each option alone and
 * combined, judged by the probe table {@link AccessInspector} builds from the sandbox's answers, and by direct
 * requests for what probes cannot show (another application, the expiry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttenuateCommandTest {

    private static final ToolCatalog CATALOG = ToolCatalog.standard();
    private static final Set<String> READ_CLAIM = Set.copyOf(Hook0Actions.standard().readOnlyClaim());
    private final HttpClient http = HttpClient.newHttpClient();
    /** The sandbox's clock and the inspector's: moved past an expiry instead of waiting for it. */
    private final SettableClock clock = new SettableClock();

    private Sandbox sandbox;
    private String root;
    private Map<String, String> env;
    private AccessInspector inspector;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0, clock);
        root = sandbox.rootToken();
        env = Attenuator.env(sandbox.baseUrl(), root);
        Config config = new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl())).parse(new String[0]);
        inspector = new AccessInspector(CATALOG, ToolSelection.of(config, CATALOG),
                new Hook0Client(config.apiUrl(), config.timeout()), new ProbeBudgets(false, Ticker.SYSTEM),
                ProbeCache.off(), clock);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void applicationOnlyKeepsApplicationToolsAndRefusesOrganizationAndOtherApplications() throws Exception {
        UUID app = sandbox.applicationId();
        String token = attenuate("--application", app.toString());

        AccessReport report = inspect(token);
        assertEquals(Set.of(app), Set.copyOf(report.facts().applicationIds()));
        assertSurface(report, t -> t.scope() != ToolScope.ORGANIZATION);
        assertEquals(200, get(token, "/api/v1/event_types?application_id=" + app));
        assertEquals(403, get(token, "/api/v1/event_types?application_id=" + sandbox.secondApplicationId()));
        assertEquals(403, get(token, "/api/v1/organizations"));
    }

    @Test
    void readOnlyOffersExactlyTheClaimsActions() throws Exception {
        String token = attenuate("--read-only");

        AccessReport report = inspect(token);
        assertEquals(AccessReport.Mode.READ_ONLY, report.mode());
        assertEquals(READ_CLAIM, report.facts().actionAllowList().orElseThrow());
        assertSurface(report, t -> READ_CLAIM.contains(t.action()));
    }

    @Test
    void readOnlyPlusIngestAddsOnlyIngest() throws Exception {
        String token = attenuate("--read-only", "--allow", "event:ingest");

        AccessReport report = inspect(token);
        assertEquals(AccessReport.Mode.CUSTOM, report.mode());
        assertSurface(report, t -> READ_CLAIM.contains(t.action()) || "event:ingest".equals(t.action()));
        assertTrue(report.surface().isEnabled("ingest_event"));
        assertFalse(report.surface().isEnabled("create_subscription"));
    }

    @Test
    void allowAloneIsACustomAllowList() throws Exception {
        String token = attenuate("--allow=application:list,event:list,event:get");

        assertSurface(inspect(token), t -> Set.of("application:list", "event:list", "event:get").contains(t.action()));
    }

    @Test
    void expiryIsReadBackAndTheTokenIsRefusedAfterIt() throws Exception {
        // An hour, not seconds: a slow run must not see the token expire before the clock is moved.
        Instant before = Instant.now();
        String token = attenuate("--expires", "3600s");
        Instant expiry = TokenReader.read(token).expiresAt().orElseThrow();
        Duration hour = Duration.ofHours(1);
        assertTrue(!expiry.isBefore(before.plus(hour).minusSeconds(1))
                && !expiry.isAfter(Instant.now().plus(hour).plusSeconds(1)), expiry::toString);
        assertEquals(200, get(token, "/api/v1/organizations"));

        clock.advance(Duration.between(clock.instant(), expiry).plusSeconds(2)); // Hook0 compares whole seconds
        assertEquals(403, get(token, "/api/v1/organizations"));
        assertEquals(AccessReport.Mode.UNUSABLE, inspect(token).mode());
    }

    @Test
    void everythingCombinedInOneBlock() throws Exception {
        UUID app = sandbox.applicationId();
        String token = attenuate("--application", app.toString(), "--expires", "30d", "--read-only",
                "--allow", "event:ingest");

        TokenFacts facts = TokenReader.read(token);
        assertEquals(1, facts.attenuationBlocks());
        assertEquals(0, facts.unrecognizedStatements());
        assertTrue(facts.expiresAt().orElseThrow().isAfter(Instant.now().plus(Duration.ofDays(29))));
        assertSurface(inspect(token), t -> t.scope() != ToolScope.ORGANIZATION
                && (READ_CLAIM.contains(t.action()) || "event:ingest".equals(t.action())));
        assertEquals(403, get(token, "/api/v1/event_types?application_id=" + sandbox.secondApplicationId()));
    }

    @Test
    void restrictionsAddUpOnAnAlreadyAttenuatedToken() throws Exception {
        String readOnly = attenuate("--read-only");
        String narrower = Attenuator.run(Attenuator.env(sandbox.baseUrl(), readOnly), "",
                "--application", sandbox.applicationId().toString()).token();

        assertEquals(2, TokenReader.read(narrower).attenuationBlocks());
        assertSurface(inspect(narrower), t -> t.scope() != ToolScope.ORGANIZATION && READ_CLAIM.contains(t.action()));
    }

    @Test
    void stdoutCarriesOnlyTheNewTokenAndStderrTellsWhatItMayDo() {
        Attenuator.Outcome outcome = Attenuator.run(env, "", "--read-only");
        String token = outcome.token();

        assertTrue(outcome.stderr().contains("Mode:       read-only"), outcome.stderr());
        assertTrue(outcome.stderr().contains("probed at " + sandbox.baseUrl()), outcome.stderr());
        assertTrue(outcome.stderr().contains("  on   list_events"), outcome.stderr());
        assertTrue(outcome.stderr().contains("  off  create_subscription"), outcome.stderr());
        assertFalse(outcome.stderr().contains(root), "the input token is never printed");
        assertFalse(outcome.stderr().contains(token), "the new token goes to stdout only");
        assertFalse(outcome.stdout().contains(root));
    }

    @Test
    void readsTheTokenFromStdinOrAFile(@TempDir Path dir) throws Exception {
        Map<String, String> noToken = Attenuator.env(sandbox.baseUrl(), null);
        String fromStdin = Attenuator.run(noToken, "Bearer " + root + "\n", "--read-only").token();
        assertEquals(READ_CLAIM, TokenReader.read(fromStdin).actionAllowList().orElseThrow());

        Path file = Files.writeString(dir.resolve("token.txt"), root + "\n");
        String fromFile = Attenuator.run(noToken, "", "--api-token-file", file.toString(), "--read-only").token();
        assertEquals(READ_CLAIM, TokenReader.read(fromFile).actionAllowList().orElseThrow());
    }

    @Test
    void worksOfflineWhenHook0IsUnreachable() throws Exception {
        Attenuator.Outcome outcome = Attenuator.run(Attenuator.env("http://127.0.0.1:9", root), "", "--read-only");

        assertEquals(READ_CLAIM, TokenReader.read(outcome.token()).actionAllowList().orElseThrow());
        assertTrue(outcome.stderr().contains("Hook0 not reachable at http://127.0.0.1:9"), outcome.stderr());
    }

    @Test
    void unknownActionIsExit2NamingIt() {
        Attenuator.Outcome outcome = Attenuator.run(env, "", "--read-only", "--allow", "event:ingest,event:explode");

        assertEquals(2, outcome.status());
        assertEquals("", outcome.stdout());
        assertTrue(outcome.stderr().contains("'event:explode' is not a Hook0 action"), outcome.stderr());
    }

    @Test
    void malformedInputIsExit2NamingTheCause() {
        Attenuator.Outcome garbage = Attenuator.run(Attenuator.env(sandbox.baseUrl(), "not-a-token!"), "",
                "--read-only");
        assertEquals(2, garbage.status());
        assertEquals("", garbage.stdout());
        assertTrue(garbage.stderr().contains("the given token cannot be read as a Hook0 service token"),
                garbage.stderr());

        Attenuator.Outcome badApp = Attenuator.run(env, "", "--application", "app-1");
        assertEquals(2, badApp.status());
        assertTrue(badApp.stderr().contains("--application must be an application id"), badApp.stderr());

        Attenuator.Outcome badExpiry = Attenuator.run(env, "", "--expires", "tomorrow");
        assertEquals(2, badExpiry.status());
        assertTrue(badExpiry.stderr().contains("--expires must be a duration"), badExpiry.stderr());

        Attenuator.Outcome nothing = Attenuator.run(env, "");
        assertEquals(2, nothing.status());
        assertTrue(nothing.stderr().contains("needs at least one restriction"), nothing.stderr());

        Attenuator.Outcome emptyStdin = Attenuator.run(Attenuator.env(sandbox.baseUrl(), null), "  \n",
                "--read-only");
        assertEquals(2, emptyStdin.status());
        assertTrue(emptyStdin.stderr().contains("no token"), emptyStdin.stderr());
    }

    @Test
    void aTokenGivenAsAnArgumentIsRefusedWithoutEchoingIt() {
        Attenuator.Outcome outcome = Attenuator.run(Attenuator.env(sandbox.baseUrl(), null), "", "--read-only", root);
        assertEquals(2, outcome.status());
        assertEquals("", outcome.stdout());
        assertFalse(outcome.stderr().contains(root));
        assertTrue(outcome.stderr().contains("looks like a token"), outcome.stderr());

        Attenuator.Outcome asValue = Attenuator.run(Attenuator.env(sandbox.baseUrl(), null), "", "--allow", root);
        assertEquals(2, asValue.status());
        assertFalse(asValue.stderr().contains(root));
    }

    @Test
    void aSecondApplicationIsRefused() {
        String appToken = attenuate("--application", sandbox.applicationId().toString());
        Attenuator.Outcome outcome = Attenuator.run(Attenuator.env(sandbox.baseUrl(), appToken), "",
                "--application", sandbox.secondApplicationId().toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.stderr().contains("already restricted to application"), outcome.stderr());
    }

    @Test
    void aTokenWithDatalog33ArraysIsRefusedClearly() throws Exception {
        String hook0ReadOnly = fixtureToken("readonly");
        Attenuator.Outcome outcome = Attenuator.run(Attenuator.env("http://127.0.0.1:9", hook0ReadOnly), "",
                "--expires", "30d");
        assertEquals(2, outcome.status());
        assertEquals("", outcome.stdout());
        assertTrue(outcome.stderr().contains("Datalog 3.3 arrays"), outcome.stderr());
        assertFalse(outcome.stderr().contains(hook0ReadOnly));
    }

    @Test
    void aRevokedRootGivesNoTokenAndExit1() {
        String doomed = sandbox.tokens().mintRoot();
        sandbox.tokens().revoke(doomed);
        Attenuator.Outcome outcome = Attenuator.run(Attenuator.env(sandbox.baseUrl(), doomed), "", "--read-only");
        assertEquals(1, outcome.status());
        assertEquals("", outcome.stdout());
        assertTrue(outcome.stderr().contains("not usable"), outcome.stderr());
    }

    @Test
    void onlyARootTokenGetsTheLeastPrivilegeNudge() {
        List<String> rootNotes = notes(inspect(root));
        assertTrue(rootNotes.stream().anyMatch(n -> n.contains("full access to organization "
                + sandbox.organizationId()) && n.contains("hook0-mcp.jar attenuate --application")), rootNotes::toString);
        assertTrue(rootNotes.stream().noneMatch(n -> n.contains(root)));

        List<String> narrowNotes = notes(inspect(attenuate("--read-only")));
        assertTrue(narrowNotes.stream().noneMatch(n -> n.contains("full access")), narrowNotes::toString);
    }

    @Test
    void helpGoesToStdout() {
        Attenuator.Outcome outcome = Attenuator.run(env, "", "--help");
        assertEquals(0, outcome.status());
        assertTrue(outcome.stdout().contains("--read-only"));
    }

    private String attenuate(String... args) {
        return Attenuator.run(env, "", args).token();
    }

    /** What the server would offer the token (one inspector for the class, as one server inspects every caller). */
    private AccessReport inspect(String token) {
        return inspector.inspect(token);
    }

    /** Every tool with a Hook0 action is on exactly when {@code allowed} says so, and Hook0 said so too. */
    private static void assertSurface(AccessReport report, Predicate<ToolDefinition> allowed) {
        Set<String> wrong = new HashSet<>();
        for (ToolSurface.Decision d : report.surface().decisions()) {
            if (d.tool().action() == null) {
                continue;
            }
            boolean expected = allowed.test(d.tool());
            boolean confirmed = !d.reason().contains("could not be confirmed");
            if (d.enabled() != expected || !confirmed) {
                wrong.add(d.tool().name() + " " + (d.enabled() ? "on" : "off") + ": " + d.reason());
            }
        }
        assertTrue(wrong.isEmpty(), () -> "tools decided wrongly: " + wrong);
    }

    private static List<String> notes(AccessReport report) {
        return report.tokenInfo().notes();
    }

    private int get(String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String fixtureToken(String name) throws Exception {
        try (InputStream in = AttenuateCommandTest.class.getResourceAsStream("/fixtures/hook0-tokens.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return root.path("tokens").path(name).path("token").asText();
        }
    }
}

package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.hook0.Hook0Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the inspector asks Hook0 about a token, against the sandbox's real authorizer: an action the token's own
 * allow-list leaves out is refused without a probe, so a read-only token costs Hook0 only its reads; anything the
 * reader does not understand in the token is still probed in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessInspectorTest {

    private static final ToolCatalog CATALOG = ToolCatalog.standard();
    private Sandbox sandbox;
    private AccessInspector inspector;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        Config config = new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN",
                sandbox.rootToken())).parse(new String[0]);
        inspector = new AccessInspector(CATALOG, ToolSelection.of(config, CATALOG),
                new Hook0Client(config.apiUrl(), config.timeout()), new ProbeBudgets(false, Ticker.SYSTEM));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void eachTokensFirstDecisionIsTheOneLoggedWithTheRootTokenNudge() {
        String another = sandbox.rootToken() + "x"; // only its fingerprint counts here
        assertTrue(inspector.firstNudge(sandbox.rootToken()));
        assertFalse(inspector.firstNudge(sandbox.rootToken()), "the same token again");
        assertFalse(inspector.firstNudge(" " + sandbox.rootToken() + "\n"), "the same token, as pasted");
        assertTrue(inspector.firstNudge(another));
    }

    @Test
    void aReadOnlyTokenIsProbedForItsReadsOnlyAndItsWritesAreOffWithTheReason() {
        String token = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        sandbox.requestLog().clear();
        AccessReport report = inspector.inspect(token);

        List<RecordedRequest> probes = probesOf(token);
        assertTrue(probes.stream().allMatch(p -> p.method().equals("GET")), "reads are probed with GETs: " + probes);
        assertTrue(probes.size() <= Attenuation.READ_ACTIONS.size(), probes.size() + " probes for "
                + Attenuation.READ_ACTIONS.size() + " read actions");
        for (ToolDefinition tool : CATALOG.tools()) {
            if (tool.action() == null) {
                continue;
            }
            ToolSurface.Decision d = report.surface().decision(tool.name()).orElseThrow();
            assertEquals(tool.isRead(), d.enabled(), d.toString());
            if (!tool.isRead()) {
                assertTrue(d.reason().contains("read-only token: " + tool.action() + " is not allowed")
                        && d.reason().contains("allow-list leaves it out"), d.reason());
            }
        }
        assertEquals(AccessReport.Mode.READ_ONLY, report.mode());
    }

    @Test
    void anAllowListBesideDatalogTheReaderDoesNotUnderstandIsProbedInFull() {
        String readOnly = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        // Two expressions in one time check: a shape the reader does not recognise, so it cannot vouch that the
        // allow-list is all there is; Hook0 decides every action.
        String token = sandbox.tokens().attenuateWithChecks(readOnly,
                List.of("check if time($t), $t > 2000-01-01T00:00:00Z, $t < 2100-01-01T00:00:00Z"));
        sandbox.requestLog().clear();
        AccessReport report = inspector.inspect(token);

        assertTrue(report.facts().hasUnrecognizedStatements());
        assertFalse(probesOf(token).stream().allMatch(p -> p.method().equals("GET")), "the writes were probed too");
        for (ToolDefinition tool : CATALOG.tools()) {
            if (tool.action() != null) {
                assertEquals(tool.isRead(), report.surface().isEnabled(tool.name()), tool.name());
            }
        }
        assertTrue(report.surface().decision("create_application").orElseThrow().reason()
                .contains("Hook0 answered a side-effect-free probe"));
    }

    @Test
    void aTokenSignedByAnotherInstanceIsRefusedBeforeItIsSentAnywhere() {
        // Checked before any probe: a token issued by another Hook0 (a production token against a staging URL)
        // is never sent to the instance HOOK0_API_URL names, not even in a harmless read.
        try (Sandbox other = Sandbox.start(0)) {
            String foreign = other.tokens().attenuate(other.rootToken(),
                    Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
            sandbox.requestLog().clear();
            AccessReport report = inspector.inspect(foreign);

            assertTrue(report.problem().startsWith("the token was not issued by the Hook0 instance at "
                    + sandbox.baseUrl()), report.problem());
            assertFalse(report.usable());
            assertEquals(List.of("get_token_info"), report.surface().enabledNames());
            assertEquals(List.of(), probesOf(foreign), "no request carried the token");
        }
    }

    private List<RecordedRequest> probesOf(String token) {
        String bearer = "Bearer " + token;
        return sandbox.requestLog().stream().filter(r -> bearer.equals(r.authorization())).toList();
    }
}

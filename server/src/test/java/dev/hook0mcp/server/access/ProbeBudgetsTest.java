package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.token.TokenReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Anyone holding a token can attenuate it offline into as many distinct tokens as they like. Inspecting them
 * all costs Hook0 one family's probe quota, not a full probe run each, and a caller of another root token is
 * still probed in full.
 */
class ProbeBudgetsTest {

    private static final int ATTENUATIONS = 40;

    @Test
    void fortyAttenuationsOfOneTokenCostHook0OneFamilyQuota() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0)) {
            String root = sandbox.rootToken();
            Config config = new ConfigParser(Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", root))
                    .parse(new String[0]);
            // The server's inspector, with the server's (paced) budgets on a clock that skips the waits.
            FastForwardTicker ticker = new FastForwardTicker();
            ToolCatalog catalog = ToolCatalog.standard();
            AccessInspector inspector = new AccessInspector(catalog, ToolSelection.of(config, catalog),
                    new Hook0Client(config.apiUrl(), config.timeout()), new ProbeBudgets(true, ticker));
            Attenuation readOnly = Attenuation.none().allowActions(Attenuation.READ_ACTIONS);
            Set<String> family = new HashSet<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < ATTENUATIONS; i++) {
                String token = sandbox.tokens().attenuate(root, readOnly);
                assertEquals(TokenReader.read(root).rootId(), TokenReader.read(token).rootId(), "one family");
                tokens.add(token);
                family.add("Bearer " + token);
            }
            sandbox.requestLog().clear();

            List<AccessReport> reports = new ArrayList<>();
            long start = ticker.nanoTime();
            for (String token : tokens) {
                reports.add(inspector.inspect(token));
            }
            double seconds = (ticker.nanoTime() - start) / 1e9;
            long sent = sandbox.requestLog().stream().map(RecordedRequest::authorization).filter(family::contains).count();
            // The quota refills slowly (FAMILY_QUOTA per FAMILY_QUOTA_PERIOD) while the inspections run.
            long bound = ProbeBudgets.FAMILY_QUOTA
                    + (long) Math.ceil(seconds * ProbeBudgets.FAMILY_QUOTA / ProbeBudgets.FAMILY_QUOTA_PERIOD.toSeconds());
            assertTrue(sent <= bound, sent + " probes reached Hook0 for one token family in " + seconds + " s");
            assertTrue(sent >= ProbeBudgets.FAMILY_QUOTA - ProbeBudgets.PER_TOKEN, "the quota was used: " + sent);

            AccessReport first = reports.get(0);
            assertEquals(AccessReport.Mode.READ_ONLY, first.mode());
            assertTrue(reasons(first.surface()).stream().noneMatch(r -> r.contains(Prober.NOT_SENT)),
                    "the first token is probed in full");
            AccessReport last = reports.get(ATTENUATIONS - 1);
            assertEquals(AccessReport.Mode.READ_ONLY, last.mode(), "beyond the quota the token's own text decides");
            assertTrue(last.surface().isEnabled("list_events") && !last.surface().isEnabled("ingest_event"));
            assertTrue(reasons(last.surface()).stream().anyMatch(r -> r.contains("probe quota of this token's family")),
                    reasons(last.surface()).toString());
            assertTrue(last.notes().stream().anyMatch(n -> n.contains("probe budgets")), last.notes().toString());

            // Another organization member's token, from another root: its own family, probed in full.
            String other = sandbox.tokens().attenuate(sandbox.tokens().mintRoot(), readOnly);
            sandbox.requestLog().clear();
            AccessReport served = inspector.inspect(other);
            assertEquals(AccessReport.Mode.READ_ONLY, served.mode());
            assertTrue(reasons(served.surface()).stream().noneMatch(r -> r.contains(Prober.NOT_SENT)),
                    reasons(served.surface()).toString());
            assertTrue(served.surface().decision("list_events").orElseThrow().reason().contains("allowed"));
            assertFalse(sandbox.requestLog().isEmpty());
        }
    }

    @Test
    void oneInspectionSendsAtMostItsOwnAllowance() throws Exception {
        FastForwardTicker ticker = new FastForwardTicker();
        ProbeBudgets.Allowance allowance = new ProbeBudgets(true, ticker).forToken("family");
        int granted = 0;
        for (int i = 0; i < ProbeBudgets.PER_TOKEN + 5; i++) {
            if (allowance.take() == null) {
                granted++;
            }
        }
        assertEquals(ProbeBudgets.PER_TOKEN, granted);
        assertTrue(ticker.skippedSeconds() > 0, "beyond the family's burst the allowance waited for its rate");
    }

    private static List<String> reasons(ToolSurface surface) {
        return surface.decisions().stream().map(ToolSurface.Decision::reason).toList();
    }
}

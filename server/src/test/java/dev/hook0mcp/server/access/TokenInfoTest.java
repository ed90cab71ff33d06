package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.server.access.AccessReport.Mode;
import dev.hook0mcp.server.config.Version;
import dev.hook0mcp.server.engine.composite.TokenInfoHandler;
import dev.hook0mcp.server.json.JsonSchemas;
import dev.hook0mcp.server.mcp.ServerInstructions;
import dev.hook0mcp.server.mcp.prompts.ReviewTokenAccessPrompt;
import dev.hook0mcp.server.token.SignatureCheck;
import dev.hook0mcp.server.token.SignatureStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One token info, every rendering of it: get_token_info, the instructions, the prompt, {@code check}, the log. */
class TokenInfoTest {

    private static final ToolCatalog CATALOG = ToolCatalog.standard();
    private static final UUID ORG = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID APP = UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private static final String WARNING = "probe budgets of this token family are spent";

    /** A read-only token restricted to one application, with an expiry, an allow-list and custom Datalog. */
    private static final TokenInfo READ_ONLY_APP = new TokenInfo(Optional.of(ORG), Optional.of(APP),
            Optional.of(EXPIRY), 2, Optional.of(new TreeSet<>(List.of("event:list", "event:get"))),
            new SignatureCheck(SignatureStatus.VERIFIED, "signed by the instance's key"), Mode.READ_ONLY,
            Optional.empty(), true, Optional.empty(), readOnlyInOneApplication(), List.of(WARNING), true,
            Optional.empty());

    private static List<ToolSurface.Decision> readOnlyInOneApplication() {
        List<ToolSurface.Decision> decisions = new ArrayList<>();
        for (ToolDefinition tool : CATALOG.tools()) {
            if (tool.action() == null) {
                decisions.add(new ToolSurface.Decision(tool, true, "needs no Hook0 permission"));
            } else if (tool.scope() == ToolScope.ORGANIZATION) {
                decisions.add(new ToolSurface.Decision(tool, false, "organization-level: " + tool.action()));
            } else {
                decisions.add(new ToolSurface.Decision(tool, tool.isRead(), tool.isRead()
                        ? tool.action() + " allowed (probe)" : "read-only token: " + tool.action() + " is not allowed"));
            }
        }
        return decisions;
    }

    private static final String COUNT = READ_ONLY_APP.enabledNames().size() + " of " + CATALOG.size();

    @Test
    void getTokenInfoReturnsTheRecordAsItsOutputSchemaDescribes() {
        ObjectNode json = TokenInfoHandler.json(READ_ONLY_APP);
        assertEquals(List.of(), JsonSchemas.compile(CATALOG.get("get_token_info").outputSchema()).validate(json));
        assertEquals(ORG.toString(), json.get("organization_id").asText());
        assertEquals(APP.toString(), json.get("application_id").asText());
        assertEquals("2030-01-01T00:00:00Z", json.get("expires_at").asText());
        assertEquals(2, json.get("attenuation_blocks").asInt());
        assertEquals("verified: signed by the instance's key", json.get("signature").asText());
        assertEquals("read-only", json.get("mode").asText());
        assertEquals("[\"event:get\",\"event:list\"]", json.get("action_allow_list").toString());
        assertFalse(json.has("problem") || json.has("fix") || json.has("api_problem"), json.toString());
        assertEquals(CATALOG.size(), json.get("tools").size());
        JsonNode first = json.get("tools").get(0);
        assertEquals(READ_ONLY_APP.tools().get(0).tool().name(), first.get("name").asText());
        assertEquals(READ_ONLY_APP.tools().get(0).reason(), first.get("reason").asText());
        List<String> notes = new ArrayList<>();
        json.get("notes").forEach(n -> notes.add(n.asText()));
        assertEquals(List.of(WARNING, TokenInfo.UNINTERPRETED_DATALOG, LeastPrivilegeHint.ATTENUATE_IN_DASHBOARD),
                notes);
    }

    @Test
    void theInstructionsStateRestrictionExpiryModeAndCount() {
        String text = ServerInstructions.of(READ_ONLY_APP);
        assertTrue(text.contains("Token: organization " + ORG + ", restricted to application " + APP
                + " (application_id defaults to it; organization-level tools are not offered), expires at " + EXPIRY
                + "; mode read-only, " + COUNT + " tools available."), text);
        assertTrue(text.contains("This token cannot change anything: write tools are not offered."), text);
        assertTrue(text.contains("get_token_info tells why a tool is missing."), text);
        assertFalse(text.contains("Warning:"), text);
    }

    @Test
    void theReviewPromptListsTheFactsAndWhatIsNotOffered() {
        String text = ReviewTokenAccessPrompt.render(READ_ONLY_APP);
        assertTrue(text.contains("- organization: " + ORG + "\n"
                + "- application: restricted to " + APP + " (organization-level actions are refused)\n"
                + "- expiry: " + EXPIRY + "\n"
                + "- attenuation blocks: 2\n"
                + "- mode: read-only\n"
                + "- action allow-list: event:get, event:list\n"
                + "- tools offered (" + COUNT + "): " + String.join(", ", READ_ONLY_APP.enabledNames()) + "\n"
                + "- not offered, by Hook0 action:\n"), text);
        ToolSurface.Decision off = READ_ONLY_APP.tools().stream().filter(d -> !d.enabled()).findFirst().orElseThrow();
        assertTrue(text.contains("  - " + off.tool().action() + ": " + off.reason() + "\n"), text);
    }

    @Test
    void checkPrintsTheFactsThenOneLineATool() {
        String text = check(READ_ONLY_APP);
        assertTrue(text.startsWith(Version.NAME + " " + Version.VERSION + " check\n"
                + "API:        http://hook0.test/api/v1 — reachable\n"
                + "Token:      redacted, fingerprint abc\n"
                + "  organization  " + ORG + "\n"
                + "  application   " + APP + "\n"
                + "  expires       " + EXPIRY + "\n"
                + "  attenuation   2 block(s), action allow-list of 2\n"
                + "  signature     verified — signed by the instance's key\n"
                + "Mode:       read-only — " + COUNT + " tools on\n"
                + "Note:       " + WARNING + "\n\n"), text);
        for (ToolSurface.Decision d : READ_ONLY_APP.tools()) {
            assertTrue(text.contains(String.format("  %-3s  %-32s %s%n", d.enabled() ? "on" : "off", d.tool().name(),
                    d.reason())), d.tool().name());
        }
        assertTrue(READ_ONLY_APP.healthy());
    }

    @Test
    void theLogSummarisesTheDecisionOnOneLine() {
        assertEquals("token: organization " + ORG + ", application " + APP + ", expires " + EXPIRY
                + ", mode read-only, " + COUNT + " tools on", TokenInfoLog.summary(READ_ONLY_APP));
    }

    @Test
    void anUnusableTokenSaysWhyEverywhere() {
        String problem = "the token cannot be read as a Hook0 service token (not base64)";
        TokenInfo unusable = new TokenInfo(Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                new SignatureCheck(SignatureStatus.UNCHECKED, "not checked"), Mode.UNUSABLE, Optional.of(problem),
                true, Optional.empty(), List.of(), List.of(), false, Optional.empty());
        ObjectNode json = TokenInfoHandler.json(unusable);
        assertEquals("unknown", json.get("organization_id").asText());
        assertEquals(problem, json.get("problem").asText());
        assertEquals(TokenInfo.UNUSABLE_TOKEN_FIX, json.get("fix").asText());
        assertEquals(List.of(), JsonSchemas.compile(CATALOG.get("get_token_info").outputSchema()).validate(json));
        assertTrue(ServerInstructions.of(unusable).endsWith("The configured token is unusable: " + problem
                + ". Only get_token_info is offered; its result says how the user fixes this."));
        assertTrue(ReviewTokenAccessPrompt.render(unusable).contains("- problem: " + problem + "\n"));
        String check = check(unusable);
        assertTrue(check.contains("PROBLEM:    " + problem + "\n"), check);
        assertFalse(check.contains("organization"), check);
        assertFalse(unusable.usable() || unusable.healthy());
    }

    private static String check(TokenInfo info) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalReport.check(info, "http://hook0.test/api/v1", "redacted, fingerprint abc", out);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}

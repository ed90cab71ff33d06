package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.it.Results.error;
import static dev.hook0mcp.server.it.Results.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tool list follows what the Biscuit token allows, found out by reading the token and by side-effect-free
 * probes, with no other setting; starting the server and listing tools changes nothing in Hook0. The server runs
 * in-process through its real entry point ({@link InProcessServer}), over stdio, against the sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenProbeIT {

    /** The catalogue's reads and writes, in the order of tools.list (reads come first). */
    static final List<String> READS = names(ToolDefinition::isRead);
    static final List<String> WRITES = names(t -> !t.isRead());
    /** The tools Hook0 refuses to a token restricted to one application (their action is not application-scoped). */
    static final Set<String> ORGANIZATION_TOOLS = Set.copyOf(names(t -> t.scope() == ToolScope.ORGANIZATION));
    static final Set<String> READ_ACTIONS = Set.copyOf(Hook0Actions.standard().readOnlyClaim());

    private static List<String> names(java.util.function.Predicate<ToolDefinition> which) {
        return ToolCatalog.standard().tools().stream().filter(which).map(ToolDefinition::name).toList();
    }

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private List<String> toolsFor(String token) {
        String before = sandbox.stateDigest();
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), token, Map.of())) {
            List<String> names = server.toolNames();
            assertEquals(before, sandbox.stateDigest(), "starting the server and listing tools changed nothing");
            assertFalse(server.stderr().contains(token), "the token is never logged");
            return names;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void rootTokenGetsEveryTool() {
        assertEquals(concat(READS, WRITES), toolsFor(sandbox.rootToken()));
    }

    @Test
    void readOnlyAllowListGetsTheReadsOnly() {
        String token = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(READ_ACTIONS));
        assertEquals(READS, toolsFor(token));
    }

    @Test
    void readPlusIngestGetsTheReadsAndIngest() {
        Set<String> actions = new java.util.HashSet<>(READ_ACTIONS);
        actions.add("event:ingest");
        String token = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(actions));
        assertEquals(names(t -> t.action() == null || actions.contains(t.action())), toolsFor(token));
    }

    @Test
    void oneApplicationTokenLosesTheOrganizationLevelTools() {
        String token = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.application(sandbox.applicationId()));
        List<String> expected = concat(READS, WRITES).stream().filter(t -> !ORGANIZATION_TOOLS.contains(t)).toList();
        assertEquals(expected, toolsFor(token));
    }

    @Test
    void oneApplicationTokenFillsInTheApplication() {
        String token = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.application(sandbox.applicationId()));
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), token, Map.of())) {
            var listEvents = server.client.listTools().tools().stream()
                    .filter(t -> t.name().equals("list_events")).findFirst().orElseThrow();
            Object required = listEvents.inputSchema().get("required");
            assertTrue(required == null || !required.toString().contains("application_id"),
                    "application_id is optional for an application-restricted token");
            JsonNode events = ok(server.call("list_events", Map.of()));
            assertEquals(100, events.get("count").asInt());
            JsonNode info = ok(server.call("get_token_info", Map.of()));
            assertEquals(sandbox.applicationId().toString(), info.get("application_id").asText());
            assertTrue(server.initialized.instructions().contains(sandbox.applicationId().toString()));

            // another application: refused here with the token's own named, and nothing sent to Hook0
            String other = sandbox.secondApplicationId().toString();
            sandbox.requestLog().clear();
            var refused = server.call("delete_application", Map.of("application_id", other));
            assertTrue(Boolean.TRUE.equals(refused.isError()), refused.toString());
            String text = ((io.modelcontextprotocol.spec.McpSchema.TextContent) refused.content().get(0)).text();
            assertTrue(text.contains("restricted to application " + sandbox.applicationId()) && text.contains(other),
                    text);
            assertEquals(List.of(), sandbox.requestLog().entries(), "nothing was sent");
        }
    }

    @Test
    void expiredTokenGetsAClearMessageAndNoWriteTool() {
        String token = sandbox.tokens().attenuate(sandbox.rootToken(),
                Attenuation.none().expiresAt(Instant.parse("2020-01-01T00:00:00Z")));
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), token, Map.of())) {
            assertEquals(List.of("get_token_info"), server.toolNames());
            assertTrue(server.initialized.instructions().contains("expired"), server.initialized.instructions());
            JsonNode info = ok(server.call("get_token_info", Map.of()));
            assertTrue(info.get("problem").asText().contains("expired at 2020-01-01T00:00:00Z"), info.toString());
            assertTrue(server.stderr().contains("expired"), "the outcome is logged on stderr");
        }
    }

    @Test
    void revokedTokenGetsAClearMessageAndNoWriteTool() {
        String root = sandbox.tokens().mintRoot();
        String derived = sandbox.tokens().attenuate(root, Attenuation.none().allowActions(READ_ACTIONS));
        sandbox.tokens().revoke(root);
        for (String token : List.of(root, derived)) {
            try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), token, Map.of())) {
                assertEquals(List.of("get_token_info"), server.toolNames());
                JsonNode info = ok(server.call("get_token_info", Map.of()));
                assertTrue(info.get("problem").asText().contains("revoked"), info.toString());
                assertTrue(info.get("problem").asText().contains("Service Tokens"), info.toString());
            }
        }
    }

    @Test
    void aTokenOfAnotherInstanceIsNamedAsSuch() {
        try (Sandbox other = Sandbox.start(0);
                InProcessServer server = InProcessServer.start(sandbox.baseUrl(), other.rootToken(), Map.of())) {
            assertEquals(List.of("get_token_info"), server.toolNames());
            JsonNode info = ok(server.call("get_token_info", Map.of()));
            assertTrue(info.get("problem").asText().contains("not issued by the Hook0 instance at " + sandbox.baseUrl()),
                    info.toString());
            assertTrue(info.get("problem").asText().contains("HOOK0_API_URL"), info.toString());
            assertTrue(info.get("signature").asText().startsWith("invalid"), info.toString());
        }
    }

    @Test
    void anUnreachableHook0StillStartsWithWhatTheTokenTextAllows() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String readOnly = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(READ_ACTIONS));
        try (InProcessServer server = InProcessServer.start("http://127.0.0.1:" + closedPort, readOnly, Map.of())) {
            assertEquals(READS, server.toolNames(), "the allow-list in the token still shapes the list");
            assertTrue(server.stderr().contains("not reachable"), server.stderr());
            JsonNode e = error(server.call("list_organizations", Map.of()));
            assertTrue(e.get("message").asText().contains("could not connect"), e.toString());
        }
        try (InProcessServer server = InProcessServer.start("http://127.0.0.1:" + closedPort, sandbox.rootToken(), Map.of())) {
            assertEquals(ToolCatalog.standard().size(), server.toolNames().size());
        }
        RawProcess.Outcome check = InProcessServer.run(Map.of("HOOK0_API_URL", "http://127.0.0.1:" + closedPort,
                "HOOK0_API_TOKEN", sandbox.rootToken()), "check");
        assertEquals(1, check.status(), "check does not call an unconfirmed token usable");
        assertTrue(check.stdout().contains("NOT reachable"), check.stdout());
    }

    @Test
    void aHiddenToolCalledByNameSaysWhyAndSendsNothing() {
        String token = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none().allowActions(READ_ACTIONS));
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), token, Map.of())) {
            sandbox.requestLog().clear();
            JsonNode e = error(server.call("ingest_event", Map.of("application_id", sandbox.applicationId().toString(),
                    "event_type", "billing.invoice.paid", "payload", "x", "labels", Map.of("a", "b"))));
            assertTrue(e.get("message").asText().contains("read-only token: event:ingest is not allowed"), e.toString());
            assertEquals(List.of(), sandbox.requestLog().entries());
        }
    }

    @Test
    void readOnlyFlagIsACeilingThatOnlyRemoves() {
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), sandbox.rootToken(),
                Map.of("HOOK0_READ_ONLY", "true", "HOOK0_EXCLUDE_TOOLS", "get_token_info"))) {
            List<String> expected = new ArrayList<>(READS);
            expected.remove("get_token_info");
            assertEquals(expected, server.toolNames());
        }
    }
}

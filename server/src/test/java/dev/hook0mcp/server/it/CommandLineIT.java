package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a person sees on the command line, and what a client sees on a bad stdin line. The missing token runs the jar
 * (status 2 as the JVM exits with it, and the whole process's stdout clean; exit status 0 of the jar is checked by
 * StdioShutdownIT and ClassDataArchiveIT); the others run the same entry point in-process, whose returned status is
 * what {@code main} exits with.
 */
class CommandLineIT {

    @Test
    void helpAndVersionNeedNoConfiguration() throws Exception {
        RawProcess.Outcome help = InProcessServer.run(Map.of(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.stdout().contains("HOOK0_API_TOKEN"));
        assertTrue(help.stdout().contains("--sandbox"));
        RawProcess.Outcome version = InProcessServer.run(Map.of(), "--version");
        assertEquals(0, version.status());
        assertTrue(version.stdout().matches("hook0-mcp \\S+\\R"), version.stdout());
    }

    @Test
    void missingTokenUnknownFlagAndBadValuesExitWithStatus2() throws Exception {
        RawProcess.Outcome noToken = RawProcess.run(Map.of());
        assertEquals(2, noToken.status());
        assertTrue(noToken.stderr().contains("Service Tokens"), noToken.stderr());
        assertEquals("", noToken.stdout(), "stdout stays clean");

        RawProcess.Outcome unknown = InProcessServer.run(Map.of("HOOK0_API_TOKEN", "x"), "--bogus");
        assertEquals(2, unknown.status());
        assertTrue(unknown.stderr().contains("unknown argument '--bogus'"));

        RawProcess.Outcome bad = InProcessServer.run(Map.of("HOOK0_API_TOKEN", "x", "HOOK0_TIMEOUT_SECONDS", "soon"));
        assertEquals(2, bad.status());
        assertTrue(bad.stderr().contains("HOOK0_TIMEOUT_SECONDS"));

        RawProcess.Outcome badTool = InProcessServer.run(Map.of("HOOK0_API_TOKEN", "x", "HOOK0_TOOLS", "list_everything"));
        assertEquals(2, badTool.status());
        assertTrue(badTool.stderr().contains("unknown tool 'list_everything'"), badTool.stderr());

        RawProcess.Outcome typo = InProcessServer.run(Map.of("HOOK0_API_TOKEN", "x"), "--tools", "list_aplications");
        assertEquals(2, typo.status());
        assertTrue(typo.stderr().contains("--tools / HOOK0_TOOLS: unknown tool 'list_aplications', did you mean"
                + " list_applications?"), typo.stderr());
    }

    @Test
    void checkShowsWhatTheTokenCanDoWithoutShowingTheToken() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0)) {
            String token = sandbox.tokens().attenuate(sandbox.rootToken(),
                    Attenuation.none().allowActions(Set.copyOf(TokenProbeIT.READ_ACTIONS)));
            RawProcess.Outcome check = InProcessServer.run(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                    "HOOK0_API_TOKEN", token), "check");
            assertEquals(0, check.status(), check.stdout() + check.stderr());
            assertTrue(check.stdout().contains("reachable"), check.stdout());
            assertTrue(check.stdout().contains(sandbox.organizationId().toString()));
            assertTrue(check.stdout().contains("read-only — " + TokenProbeIT.READS.size() + " of " + ToolCatalog.standard().size() + " tools on"), check.stdout());
            assertTrue(check.stdout().matches("(?s).*off\\s+ingest_event\\s+read-only token: event:ingest is not allowed.*"),
                    check.stdout());
            assertFalse(check.stdout().contains(token) || check.stderr().contains(token));

            // a full token narrowed by --read-only: the mode stays the token's, the line says what the settings hide
            RawProcess.Outcome flagged = InProcessServer.run(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                    "HOOK0_API_TOKEN", sandbox.rootToken()), "check", "--read-only");
            int total = ToolCatalog.standard().size();
            assertTrue(flagged.stdout().contains("full — " + TokenProbeIT.READS.size() + " of " + total + " tools on ("
                    + (total - TokenProbeIT.READS.size()) + " hidden by this server's settings)"), flagged.stdout());

            String expired = sandbox.tokens().attenuate(sandbox.rootToken(),
                    Attenuation.none().expiresAt(java.time.Instant.parse("2020-01-01T00:00:00Z")));
            RawProcess.Outcome bad = InProcessServer.run(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                    "HOOK0_API_TOKEN", expired), "check");
            assertEquals(1, bad.status());
            assertTrue(bad.stdout().contains("PROBLEM:") && bad.stdout().contains("expired"), bad.stdout());
        }
    }

    @Test
    void aMalformedLineGetsAJsonRpcErrorAndTheServerKeepsServing() throws Exception {
        try (InProcessServer.Lines server = InProcessServer.lines(Map.of(), "--sandbox")) {
            server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            JsonNode init = Results.JSON.readTree(server.readLine());
            assertEquals("2025-11-25", init.at("/result/protocolVersion").asText());
            server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            server.send("this is not json");
            JsonNode parseError = Results.JSON.readTree(server.readLine());
            assertEquals(-32700, parseError.at("/error/code").asInt());
            server.send("{\"jsonrpc\":\"2.0\",\"id\":{\"bad\":1},\"method\":\"tools/list\"}");
            assertEquals(-32600, Results.JSON.readTree(server.readLine()).at("/error/code").asInt());
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            JsonNode tools = Results.JSON.readTree(server.readLine());
            assertEquals(2, tools.get("id").asInt());
            assertEquals(ToolCatalog.standard().size(), tools.at("/result/tools").size(), "still serving after bad lines");
        }
    }

    @Test
    void everyProtocolRevisionFrom2024To2025IsNegotiated() throws Exception {
        for (String revision : new String[] {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
            try (InProcessServer.Lines server = InProcessServer.lines(Map.of(), "--sandbox")) {
                server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                        + revision + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
                assertEquals(revision, Results.JSON.readTree(server.readLine()).at("/result/protocolVersion").asText());
            }
        }
    }
}

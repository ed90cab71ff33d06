package dev.hook0mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.config.ExitStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a person sees in the first five minutes when something is off: each message names the problem and the
 * fix, on stderr, with the exit status of a bad configuration (2), and stdout stays MCP's. Every case runs the
 * real entry point in-process against one sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private Map<String, String> hook0(String token) {
        return Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", token);
    }

    @Test
    void aPersonAtATerminalIsToldTheSandboxWaitsForAClientAndHowToTryIt() {
        LaunchedInProcess.Outcome run = LaunchedInProcess.run(Map.of(), "", true, "--sandbox");

        assertEquals(ExitStatus.OK, run.status(), run.all());
        String[] lines = run.stderr().split("\\R");
        assertEquals(1, lines.length, "one line: " + run.stderr());
        String line = lines[0];
        assertTrue(line.contains("waiting for an MCP client"), line);
        assertTrue(line.contains("hook0-mcp.jar check --sandbox"), line);
        assertTrue(line.contains("npx @modelcontextprotocol/inspector java -jar hook0-mcp.jar --sandbox"), line);
        assertTrue(line.contains("Ctrl-D"), line);
        assertEquals("", run.stdout(), "stdout carries MCP messages only");
    }

    @Test
    void aClientsPipeGetsNoHintAndStdoutCarriesOnlyTheAnswers() throws Exception {
        LaunchedInProcess.Outcome run = LaunchedInProcess.run(Map.of(), StdioLines.handshake()
                + StdioLines.request(2, "tools/list", "{}"), false, "--sandbox");

        assertEquals(ExitStatus.OK, run.status(), run.all());
        assertFalse(run.stderr().contains("waiting for an MCP client"), run.stderr());
        assertEquals(List.of(1, 2), List.copyOf(StdioLines.byId(run.stdout()).keySet()),
                "only the answers to initialize and tools/list: " + run.stdout());
    }

    @Test
    void aPortInUseIsSaidBeforeTheTokenIsProbedOrTheSandboxStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            sandbox.requestLog().clear();

            LaunchedInProcess.Outcome run = LaunchedInProcess.run(hook0(sandbox.rootToken()),
                    "--transport", "http", "--port", port);

            assertEquals(ExitStatus.BAD_INPUT, run.status(), run.all());
            assertTrue(run.stderr().contains("port " + port + " on 127.0.0.1 is already in use"), run.stderr());
            assertTrue(run.stderr().contains("--port 0"), run.stderr());
            assertTrue(run.stderr().contains("another port with --port N (MCP_PORT)"), run.stderr());
            assertEquals(List.of(), sandbox.requestLog().entries(), "no request reached Hook0");

            LaunchedInProcess.Outcome withSandbox = LaunchedInProcess.run(Map.of("MCP_TRANSPORT", "sse",
                    "MCP_PORT", port), "--sandbox");
            assertEquals(ExitStatus.BAD_INPUT, withSandbox.status(), withSandbox.all());
            assertTrue(withSandbox.stderr().contains("is already in use"), withSandbox.stderr());
            assertEquals("", withSandbox.stdout());
        }
    }

    @Test
    void aTokenFileThatDoesNotExistIsNamedWithItsSetting() {
        LaunchedInProcess.Outcome byVariable = LaunchedInProcess.run(Map.of("HOOK0_API_TOKEN_FILE",
                "/nonexistent/hook0-token"));
        assertEquals(ExitStatus.BAD_INPUT, byVariable.status());
        assertTrue(byVariable.stderr().contains("cannot read HOOK0_API_TOKEN_FILE /nonexistent/hook0-token: no such"
                + " file"), byVariable.stderr());
        assertTrue(byVariable.stderr().contains("create the file holding the service token"), byVariable.stderr());

        LaunchedInProcess.Outcome byFlag = LaunchedInProcess.run(Map.of(), "check", "--api-token-file",
                "missing-token.txt");
        assertEquals(ExitStatus.BAD_INPUT, byFlag.status());
        assertTrue(byFlag.stderr().contains("cannot read --api-token-file missing-token.txt: no such file"),
                byFlag.stderr());
        assertTrue(byFlag.stderr().contains("give an absolute one"), "a relative path says where it was looked"
                + " for: " + byFlag.stderr());
        assertEquals("", byFlag.stdout());
    }

    @Test
    void aTokenInAMisnamedVariableGetsDidYouMeanWithoutItsValue() {
        String token = sandbox.rootToken();
        for (String name : List.of("HOOK0_TOKEN", "HOOK0_API_KEY", "HOOK0_SERVICE_TOKEN")) {
            LaunchedInProcess.Outcome run = LaunchedInProcess.run(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                    name, token));
            assertEquals(ExitStatus.BAD_INPUT, run.status(), name);
            assertTrue(run.stderr().contains(name + " is set"), run.stderr());
            assertTrue(run.stderr().contains("did you mean HOOK0_API_TOKEN?"), run.stderr());
            assertTrue(run.stderr().contains("Rename " + name + " to HOOK0_API_TOKEN"), run.stderr());
            assertNoPieceOf(token, run.all());
        }
        LaunchedInProcess.Outcome http = LaunchedInProcess.run(Map.of("HOOK0_TOKEN", token, "MCP_TRANSPORT", "http",
                "MCP_PORT", "0"));
        assertEquals(ExitStatus.BAD_INPUT, http.status(), "not taken for per-caller tokens: " + http.all());
        assertNoPieceOf(token, http.all());
    }

    @Test
    void httpSettingsWithoutAnHttpTransportExitWithStatus2NamingTheSetting() {
        Map<String, String[]> cases = Map.of(
                "--port", new String[] {"--sandbox", "--port", "3001"},
                "--host", new String[] {"--sandbox", "--host=0.0.0.0"},
                "--allowed-origins", new String[] {"check", "--allowed-origins", "https://app.example"});
        for (var c : cases.entrySet()) {
            LaunchedInProcess.Outcome run = LaunchedInProcess.run(hook0(sandbox.rootToken()), c.getValue());
            assertEquals(ExitStatus.BAD_INPUT, run.status(), c.getKey() + ": " + run.all());
            assertTrue(run.stderr().contains(c.getKey() + " is only used by the HTTP transports"), run.stderr());
            assertTrue(run.stderr().contains("add --transport http"), run.stderr());
        }
    }

    @Test
    void anUnusableTokenIsSaidInTheInstructionsTheErrorsAndGetTokenInfoNamesTheFix() throws Exception {
        LaunchedInProcess.Outcome run = LaunchedInProcess.run(hook0("not-a-hook0-token"), StdioLines.handshake()
                + StdioLines.request(2, "tools/list", "{}")
                + StdioLines.request(3, "tools/call", "{\"name\":\"get_token_info\",\"arguments\":{}}")
                + StdioLines.request(4, "tools/call", "{\"name\":\"list_applications\",\"arguments\":{}}"), false);

        assertEquals(ExitStatus.OK, run.status(), run.all());
        Map<Integer, JsonNode> answers = StdioLines.byId(run.stdout());
        assertEquals(List.of(1, 2, 3, 4), List.copyOf(answers.keySet()), run.stdout());
        assertTrue(answers.get(1).at("/result/instructions").asText().contains("The configured token is unusable"));
        List<String> tools = new ArrayList<>();
        answers.get(2).at("/result/tools").forEach(t -> tools.add(t.get("name").asText()));
        assertEquals(List.of("get_token_info"), tools, "the one tool that remains");

        JsonNode info = answers.get(3).at("/result/structuredContent");
        assertTrue(info.get("problem").asText().contains("cannot be read as a Hook0 service token"), info.toString());
        String fix = info.get("fix").asText();
        assertTrue(fix.contains("Organization → Service Tokens → Create"), fix);
        assertTrue(fix.contains("HOOK0_API_TOKEN"), fix);
        assertTrue(fix.contains("java -jar hook0-mcp.jar check"), fix);

        JsonNode refused = answers.get(4).get("result");
        assertTrue(refused.get("isError").asBoolean(), refused.toString());
        String firstLine = refused.at("/content/0/text").asText().lines().findFirst().orElseThrow();
        assertTrue(firstLine.contains("unusable token"), firstLine);
    }

    /** Neither the token nor any 24-character piece of it. */
    private static void assertNoPieceOf(String token, String output) {
        for (int i = 0; i + 24 <= token.length(); i += 8) {
            assertFalse(output.contains(token.substring(i, i + 24)), () -> "a piece of the token was printed: "
                    + output);
        }
    }

    /** Newline-delimited JSON-RPC, as a client writes it on the server's stdin. */
    static final class StdioLines {

        static String handshake() {
            return request(1, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}")
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
        }

        static String request(int id, String method, String params) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}\n";
        }

        /** Every line of stdout is a JSON-RPC answer (anything else fails the parse); keyed and sorted by id. */
        static Map<Integer, JsonNode> byId(String stdout) throws Exception {
            Map<Integer, JsonNode> answers = new TreeMap<>();
            for (String line : stdout.split("\\R")) {
                if (!line.isEmpty()) {
                    JsonNode message = JSON.readTree(line);
                    assertTrue(message.has("id"), "not an answer: " + line);
                    answers.put(message.get("id").asInt(), message);
                }
            }
            return answers;
        }
    }
}

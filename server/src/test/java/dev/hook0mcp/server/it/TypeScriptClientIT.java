package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Claude Code, the MCP Inspector and most clients are built on the official TypeScript SDK, whose client checks
 * every structured result against the tool's outputSchema from tools/list. This drives the server with that
 * client on stdio (the SDK's stdio transport starts a process, which relays its stdio to the real stdio server in
 * this JVM: {@link SocketStdioServer}), Streamable HTTP and legacy SSE (the real HTTP transport, in this JVM on
 * loopback ports): tools/list, one success and each kind of error, each of which must reach the client as a normal
 * result with isError and our message, never as a thrown -32602. One Node process runs every transport at once.
 * The jar's own stdio (stdout purity, exit) is {@link StdioResilienceIT}'s and {@link TokenNeverPrintedIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeScriptClientIT {

    private static final String SCRIPT = "client-compat.mjs";
    private static final String BRIDGE = "stdio-bridge.mjs";
    private static final List<String> TRANSPORTS = List.of("stdio", "http", "sse");

    private Sandbox sandbox;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private JsonNode report;
    private String bridge;
    private SocketStdioServer restarted;
    private Path restartCache;

    @BeforeAll
    void runTheTypeScriptClient() throws Exception {
        TypeScriptClient node = TypeScriptClient.prepare();
        bridge = node.file(BRIDGE).toString();
        sandbox = Sandbox.start(0);
        String root = sandbox.rootToken();
        String readOnly = sandbox.tokens().attenuate(root, Attenuation.none().allowActions(Attenuation.READ_ACTIONS));
        String down = "http://127.0.0.1:" + closedPort();

        // HTTP transports: one server per transport against the sandbox, each caller sending its own token, and
        // one with the root token configured against a Hook0 that is down. Started side by side.
        var http = CompletableFuture.supplyAsync(() -> server("http", Map.of("HOOK0_API_URL", sandbox.baseUrl())));
        var httpDown = CompletableFuture.supplyAsync(() -> server("http", Map.of("HOOK0_API_URL", down, "HOOK0_API_TOKEN", root)));
        var sse = CompletableFuture.supplyAsync(() -> server("sse", Map.of("HOOK0_API_URL", sandbox.baseUrl())));
        var sseDown = CompletableFuture.supplyAsync(() -> server("sse", Map.of("HOOK0_API_URL", down, "HOOK0_API_TOKEN", root)));

        ObjectNode plan = Results.JSON.createObjectNode();
        plan.put("applicationId", sandbox.applicationId().toString());
        plan.put("organizationId", sandbox.organizationId().toString());
        plan.put("missingId", UUID.randomUUID().toString());
        ObjectNode transports = plan.putObject("transports");
        ObjectNode stdio = transports.putObject("stdio");
        stdio.set("root", stdioServer(sandbox.baseUrl(), root));
        stdio.set("readOnly", stdioServer(sandbox.baseUrl(), readOnly));
        stdio.set("down", stdioServer(down, root));
        stdio.set("restart", restartedStdioServer(root));
        transports.set("http", httpServers(http.join(), httpDown.join(), "/mcp", root, readOnly));
        transports.set("sse", httpServers(sse.join(), sseDown.join(), "/sse", root, readOnly));

        Path planFile = Files.createTempFile("ts-client-plan", ".json");
        try {
            Files.writeString(planFile, plan.toString());
            report = node.run(SCRIPT, planFile.toAbsolutePath().toString());
        } finally {
            Files.deleteIfExists(planFile);
        }
        for (String transport : TRANSPORTS) {
            assertFalse(report.path(transport).has("failure"),
                    () -> transport + ": " + report.path(transport).path("failure").asText() + "\n" + stderr(node));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (restartCache != null) {
            try (var files = Files.walk(restartCache)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void toolsListShowsWhatEachTokenAllows() {
        for (String transport : TRANSPORTS) {
            JsonNode tools = report.path(transport).path("tools");
            assertEquals(ToolCatalog.standard().size(), tools.path("root").size(), transport + ": " + tools);
            assertEquals(TokenProbeIT.READS.size(), tools.path("readOnly").size(), transport + ": " + tools);
            assertFalse(tools.path("readOnly").toString().contains("\"create_application\""), transport);
        }
    }

    @Test
    void aRestartAnsweredFromTheHandshakeCacheIsAcceptedByTheClient() {
        JsonNode restart = report.path("stdio").path("restart");
        assertEquals(report.path("stdio").path("tools").path("root"), restart.path("tools"), restart::toString);
        JsonNode call = restart.path("success");
        assertEquals("result", call.path("outcome").asText(), call::toString);
        assertFalse(call.path("isError").asBoolean(), call::toString);
        assertTrue(call.path("hasStructuredContent").asBoolean(), call::toString);
        assertTrue(restarted.stderr().contains("from the handshake cache"),
                restarted::stderr);
    }

    @Test
    void aSuccessCarriesStructuredContentThatTheClientAccepted() {
        for (String transport : TRANSPORTS) {
            JsonNode r = report.path(transport).path("cases").path("success");
            assertEquals("result", r.path("outcome").asText(), () -> transport + ": " + r);
            assertFalse(r.path("isError").asBoolean(), () -> transport + ": " + r);
            assertTrue(r.path("hasStructuredContent").asBoolean(), () -> transport + ": " + r);
            // The SDK client validated it against list_applications' outputSchema: a mismatch would have thrown.
            JsonNode items = r.path("structuredContent").path("items");
            assertTrue(items.isArray() && items.size() >= 2, () -> transport + ": " + r);
            assertTrue(r.path("text").asText().startsWith("{"), () -> transport + ": " + r);
        }
    }

    @Test
    void aHook0NotFoundReachesTheClientAsOurMessage() {
        for (String transport : TRANSPORTS) {
            JsonNode details = errorDetails(transport, "hook0_404", "404");
            assertEquals(404, details.path("status").asInt(), transport + ": " + details);
            assertTrue(details.has("next_step"), transport + ": " + details);
        }
    }

    @Test
    void aHook0ForbiddenReachesTheClientAsOurMessage() {
        for (String transport : TRANSPORTS) {
            JsonNode details = errorDetails(transport, "hook0_403", "403 Forbidden");
            assertTrue(details.path("next_step").asText().contains("application:get"), transport + ": " + details);
        }
    }

    @Test
    void aHook0ValidationErrorReachesTheClientWithItsFields() {
        for (String transport : TRANSPORTS) {
            JsonNode details = errorDetails(transport, "hook0_422", "422 Validation");
            assertEquals("Validation", details.path("problem_id").asText(), transport + ": " + details);
            assertTrue(details.path("validation").toString().contains("url"), transport + ": " + details);
        }
    }

    @Test
    void argumentsOurValidatorRefusesReachTheClientAsOurMessage() {
        for (String transport : TRANSPORTS) {
            JsonNode unknown = errorDetails(transport, "unknown_argument", "Invalid arguments for list_events");
            assertTrue(unknown.toString().contains("unknown argument 'limit'"), transport + ": " + unknown);
            JsonNode wrongType = errorDetails(transport, "wrong_type", "Invalid arguments for get_application");
            assertTrue(wrongType.toString().contains("application_id"), transport + ": " + wrongType);
        }
    }

    @Test
    void aHook0ThatIsDownReachesTheClientAsOurMessage() {
        for (String transport : TRANSPORTS) {
            JsonNode details = errorDetails(transport, "hook0_down", "Hook0 could not be reached");
            assertTrue(details.path("next_step").asText().contains("HOOK0_API_URL"), transport + ": " + details);
        }
    }

    @Test
    void aToolHiddenFromTheTokenSaysWhyOnEveryTransport() {
        for (String transport : TRANSPORTS) {
            JsonNode details = errorDetails(transport, "hidden_tool", "Tool create_application is not available");
            assertTrue(details.path("message").asText().contains("application:create"), transport + ": " + details);
            assertTrue(details.path("next_step").asText().contains("get_token_info"), transport + ": " + details);
        }
    }

    /**
     * The case reached the client as a tool result with isError, no structuredContent (the client would validate
     * it against the outputSchema), and a text whose first line is our message and whose rest is the details.
     */
    private JsonNode errorDetails(String transport, String name, String messageStart) {
        JsonNode r = report.path(transport).path("cases").path(name);
        String where = transport + " " + name + ": " + r;
        assertEquals("result", r.path("outcome").asText(), where);
        assertTrue(r.path("isError").asBoolean(), where);
        assertFalse(r.path("hasStructuredContent").asBoolean(), where);
        String text = r.path("text").asText();
        int newline = text.indexOf('\n');
        assertTrue(newline > 0, where);
        String message = text.substring(0, newline);
        assertTrue(message.startsWith(messageStart), where);
        try {
            JsonNode details = Results.JSON.readTree(text.substring(newline + 1));
            assertEquals(message, details.path("message").asText(), where);
            return details;
        } catch (Exception e) {
            throw new AssertionError("the details after the message are not JSON: " + where, e);
        }
    }

    private InProcessHttpServer server(String transport, Map<String, String> env) {
        try {
            InProcessHttpServer s = new InProcessHttpServer(transport, env);
            synchronized (servers) {
                servers.add(s);
            }
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A restart, as clients restart servers: a first start with the root token and its own cache directory has
     * listed the tools and ended, so this one answers initialize and tools/list from the handshake cache.
     */
    private ObjectNode restartedStdioServer(String token) throws Exception {
        restartCache = Files.createTempDirectory("ts-client-restart");
        Map<String, String> env = Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", token,
                "XDG_CACHE_HOME", restartCache.toString());
        try (InProcessServer first = InProcessServer.start(env, spec -> spec)) {
            assertEquals(ToolCatalog.standard().size(), first.toolNames().size());
        }
        restarted = new SocketStdioServer(env, true);
        return bridgeTo(restarted);
    }

    /** A stdio server in this JVM, and the process the client starts to reach it: the bridge, by absolute path. */
    private ObjectNode stdioServer(String apiUrl, String token) throws Exception {
        return bridgeTo(new SocketStdioServer(Map.of("HOOK0_API_URL", apiUrl, "HOOK0_API_TOKEN", token)));
    }

    private ObjectNode bridgeTo(SocketStdioServer server) {
        synchronized (servers) {
            servers.add(server);
        }
        ObjectNode s = Results.JSON.createObjectNode();
        s.put("command", "node");
        s.set("args", Results.JSON.valueToTree(List.of(bridge, Integer.toString(server.port))));
        return s;
    }

    private static ObjectNode httpServers(InProcessHttpServer perCaller, InProcessHttpServer down, String path,
            String root, String readOnly) {
        ObjectNode s = Results.JSON.createObjectNode();
        s.putObject("root").put("url", perCaller.baseUrl + path).put("token", root);
        s.putObject("readOnly").put("url", perCaller.baseUrl + path).put("token", readOnly);
        s.putObject("down").put("url", down.baseUrl + path);
        return s;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String stderr(TypeScriptClient node) {
        try {
            return node.stderrOf(SCRIPT);
        } catch (Exception e) {
            return "";
        }
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.sandbox.RecordedRequest;
import dev.hook0mcp.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe-result cache and the handshake cache across starts: the real server (in-process, stdio over pipes)
 * against the sandbox with real Biscuit tokens. A second start with the same token lists its tools before sending
 * Hook0 anything, then asks Hook0 again; a changed answer reaches the client as tools/list_changed; the files hold
 * no token and are private; a damaged file is ignored. The handshake cache answers initialize and tools/list of a
 * restart exactly as the server itself would, before the server is built.
 */
class ProbeCacheIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A root token gets every catalogue tool. */
    private static final int ALL_TOOLS = ToolCatalog.standard().tools().size();
    private static Sandbox sandbox;

    /**
     * Under target/, not a JUnit temp dir: a server's background re-probe may still write its answer after the
     * server's stdio ended, and would race the temp dir's deletion.
     */
    private Path cacheDir;

    @org.junit.jupiter.api.BeforeEach
    void freshCacheDir() throws IOException {
        cacheDir = Files.createDirectories(Path.of("target", "probe-cache-it", UUID.randomUUID().toString()))
                .toAbsolutePath();
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void secondStartListsToolsBeforeAnyRequestToHook0ThenAsksAgain() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            assertEquals(ALL_TOOLS, first.listTools().size());
        }
        sandbox.requestLog().clear();
        try (Server second = new Server(token)) {
            List<String> tools = second.listTools();
            List<RecordedRequest> beforeList = sandbox.requestLog().entries();
            assertEquals(List.of(), beforeList, "no request to Hook0 before the first tools/list");
            assertEquals(ALL_TOOLS, tools.size());
            awaitRequest("/api/v1/instance"); // then it asks Hook0 again in the background
        }
    }

    @Test
    void aChangedAnswerSendsToolsListChanged() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            first.listTools();
        }
        // the remembered answer is out of date: Hook0 denied event:ingest then, and allows it now
        Path file = onlyCacheFile();
        ObjectNode cached = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) cached.path("verdicts").path("event:ingest")).put("verdict", "DENIED")
                .put("evidence", "POST /api/v1/event → 403");
        Files.writeString(file, cached.toString());
        Files.delete(onlyHandshakeFile()); // this test is about the probe cache: the server builds its own answers
        try (Server second = new Server(token)) {
            assertFalse(second.listTools().contains("ingest_event"), "served from the remembered answer");
            second.awaitNotification("notifications/tools/list_changed");
            assertTrue(second.listTools().contains("ingest_event"), "Hook0's fresh answer");
        }
    }

    @Test
    void cacheFileHoldsNoTokenAndIsPrivate() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            first.listTools();
        }
        Path file = onlyCacheFile();
        String text = Files.readString(file);
        assertFalse(text.contains(token) || text.contains(token.substring(0, 40)), "no token text in the cache");
        assertFalse(file.getFileName().toString().contains(token.substring(0, 20)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void corruptCacheFilesAreIgnored() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            first.listTools();
        }
        Files.writeString(onlyCacheFile(), "{\"format\":1,\"written_at_ms\":");
        Files.writeString(onlyHandshakeFile(), "hook0-mcp handshake 1\nwritten_at_ms 1\ninitialize {");
        sandbox.requestLog().clear();
        try (Server second = new Server(token)) {
            assertEquals(ALL_TOOLS, second.listTools().size());
            assertTrue(sandbox.requestLog().entries().stream().anyMatch(r -> r.path().equals("/api/v1/instance")),
                    "probed again before listing, as on a first start");
        }
    }

    @Test
    void aRestartAnswersInitializeAndToolsListAsTheServerWouldBeforeItIsBuilt() throws Exception {
        String token = sandbox.tokens().mintRoot();
        for (String version : new String[] {"2025-06-18", "2025-03-26"}) {
            JsonNode initialize;
            JsonNode tools;
            try (Server first = new Server(token, version)) {
                initialize = first.initialized.path("result");
                tools = first.request("tools/list", "{}").path("result");
            }
            onlyHandshakeFile();
            try (Server second = new Server(token, version)) {
                assertEquals(initialize, second.initialized.path("result"), "initialize, " + version);
                assertEquals(tools, second.request("tools/list", "{}").path("result"));
                JsonNode call = second.request("tools/call", "{\"name\":\"list_applications\",\"arguments\":{}}");
                assertFalse(call.path("result").path("isError").asBoolean(), call.toString());
                second.request("ping", "{}"); // one answer each: the server's own initialize answer was dropped
                assertTrue(second.notifications.stream().noneMatch(n -> n.has("id")), second.notifications.toString());
            }
        }
    }

    @Test
    void aRememberedToolListThatNoLongerHoldsIsCorrectedWithToolsListChanged() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            first.listTools();
        }
        Path file = onlyHandshakeFile();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.replaceAll(l -> l.startsWith("tools/list ") ? "tools/list {\"tools\":[]}" : l);
        Files.write(file, lines);
        try (Server second = new Server(token)) {
            assertEquals(List.of(), second.listTools(), "answered from the (altered) handshake cache");
            second.awaitNotification("notifications/tools/list_changed");
            assertEquals(ALL_TOOLS, second.listTools().size(), "the server's own list");
        }
        assertFalse(Files.readString(file).contains("tools/list {\"tools\":[]}"), "the entry is written anew");
    }

    @Test
    void aProtocolVersionTheServerDoesNotKnowIsAnsweredByTheServerItself() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            first.listTools();
        }
        onlyHandshakeFile();
        try (Server second = new Server(token, "2099-01-01")) {
            assertEquals("2025-11-25", second.initialized.path("result").path("protocolVersion").asText(),
                    "the SDK's answer: its latest version");
            assertEquals(ALL_TOOLS, second.listTools().size());
        }
    }

    private Path onlyHandshakeFile() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir.resolve("hook0-mcp"))) {
            List<Path> entries = files.filter(f -> f.toString().endsWith(".handshake")).toList();
            assertEquals(1, entries.size(), "one handshake entry per token: " + entries);
            return entries.get(0);
        }
    }

    private Path onlyCacheFile() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir.resolve("hook0-mcp"))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), "one entry per token: " + json);
            return json.get(0);
        }
    }

    private static void awaitRequest(String path) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (sandbox.requestLog().entries().stream().anyMatch(r -> r.path().equals(path))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + path + " request to Hook0 within 10 s");
    }

    /** The server of one start, on stdio over pipes ({@link InProcessServer#lines}), as a client launches it. */
    private final class Server implements AutoCloseable {
        private final InProcessServer.Lines server;
        private final List<JsonNode> notifications = new ArrayList<>();
        private final JsonNode initialized;
        private int nextId = 1;

        Server(String token) throws IOException {
            this(token, "2025-06-18");
        }

        Server(String token, String protocolVersion) throws IOException {
            server = InProcessServer.lines(Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", token,
                    "XDG_CACHE_HOME", cacheDir.toString()));
            initialized = request("initialize", "{\"protocolVersion\":\"" + protocolVersion + "\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
            server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        List<String> listTools() throws IOException {
            List<String> names = new ArrayList<>();
            request("tools/list", "{}").path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
            return names;
        }

        void awaitNotification(String method) throws IOException {
            while (notifications.stream().noneMatch(n -> n.path("method").asText().equals(method))) {
                String line = server.readLine();
                if (line == null) {
                    throw new AssertionError("stdout ended before " + method);
                }
                notifications.add(JSON.readTree(line));
            }
        }

        private JsonNode request(String method, String params) throws IOException {
            int id = nextId++;
            server.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            for (String line = server.readLine(); line != null; line = server.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.path("id").asInt(-1) == id) {
                    return message;
                }
                notifications.add(message);
            }
            throw new AssertionError("stdout ended before the answer to " + method);
        }

        @Override
        public void close() {
            server.close(); // its stdin ends; waits until it has stopped
        }
    }
}

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
import dev.hook0mcp.server.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * The probe-result cache across starts: the real server (in-process, stdio over pipes) against the sandbox with real
 * Biscuit tokens. A second start with the same token lists its tools before sending Hook0 anything, then asks Hook0
 * again; a changed answer reaches the client as tools/list_changed; the file holds no token and is private; a
 * damaged file is ignored.
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
    void corruptCacheFileIsIgnored() throws Exception {
        String token = sandbox.tokens().mintRoot();
        try (Server first = new Server(token)) {
            first.listTools();
        }
        Files.writeString(onlyCacheFile(), "{\"format\":1,\"written_at_ms\":");
        sandbox.requestLog().clear();
        try (Server second = new Server(token)) {
            assertEquals(ALL_TOOLS, second.listTools().size());
            assertTrue(sandbox.requestLog().entries().stream().anyMatch(r -> r.path().equals("/api/v1/instance")),
                    "probed again before listing, as on a first start");
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

    /** The server of one start, on stdio over pipes, as a client launches it. */
    private final class Server implements AutoCloseable {
        private final PipedOutputStream toServer = new PipedOutputStream();
        private final BufferedReader fromServer;
        private final Thread thread;
        private final List<JsonNode> notifications = new ArrayList<>();
        private int nextId = 1;

        Server(String token) throws IOException {
            PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
            PipedInputStream out = new PipedInputStream(1 << 20);
            PrintStream serverOut = new PrintStream(new PipedOutputStream(out), true, StandardCharsets.UTF_8);
            Map<String, String> env = Map.of("HOOK0_API_URL", sandbox.baseUrl(), "HOOK0_API_TOKEN", token,
                    "XDG_CACHE_HOME", cacheDir.toString());
            thread = new Thread(() -> new Launcher(env, serverIn, serverOut, System.err).run(new String[0]),
                    "probe-cache-it-server");
            thread.start();
            fromServer = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
            request("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        List<String> listTools() throws IOException {
            List<String> names = new ArrayList<>();
            request("tools/list", "{}").path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
            return names;
        }

        void awaitNotification(String method) throws IOException {
            while (notifications.stream().noneMatch(n -> n.path("method").asText().equals(method))) {
                String line = fromServer.readLine();
                if (line == null) {
                    throw new AssertionError("stdout ended before " + method);
                }
                notifications.add(JSON.readTree(line));
            }
        }

        private JsonNode request(String method, String params) throws IOException {
            int id = nextId++;
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            for (String line = fromServer.readLine(); line != null; line = fromServer.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.path("id").asInt(-1) == id) {
                    return message;
                }
                notifications.add(message);
            }
            throw new AssertionError("stdout ended before the answer to " + method);
        }

        private void send(String line) throws IOException {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }

        @Override
        public void close() throws Exception {
            toServer.close();
            thread.join(30_000);
        }
    }
}

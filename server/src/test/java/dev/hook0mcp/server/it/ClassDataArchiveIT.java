package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hook0mcp.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's launch command names a class-data archive; when that archive is missing or unusable (another Java, a
 * rebuilt jar, a damaged file) the server must still start and keep stdout for MCP messages only. Both jars start
 * together (each test then reads its own), against one sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassDataArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private Sandbox sandbox;
    private Process missing;
    private Process corrupt;

    @BeforeAll
    void launch() throws Exception {
        sandbox = Sandbox.start(0);
        Path corruptArchive = dir.resolve("corrupt.jsa");
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(13).nextBytes(junk);
        Files.write(corruptArchive, junk);
        missing = launch(dir.resolve("no-such.jsa"));
        corrupt = launch(corruptArchive);
    }

    @AfterAll
    void stop() {
        for (Process p : new Process[] {missing, corrupt}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        sandbox.close();
    }

    @Test
    void missingArchiveStillServesToolsListWithCleanStdout() throws Exception {
        assertServesCleanly(missing);
    }

    @Test
    void corruptArchiveStillServesToolsListWithCleanStdout() throws Exception {
        assertServesCleanly(corrupt);
    }

    /**
     * The flags README and claude-config-example.json give, with {@code archive} in place of the built one; its
     * stdin gets initialize, initialized and tools/list at once.
     */
    private Process launch(Path archive) throws IOException {
        List<String> command = new ArrayList<>(List.of(ServerJar.javaExecutable(),
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:TieredStopAtLevel=1", "-jar", ServerJar.jar().toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServerJar.cleanEnv(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                "HOOK0_API_TOKEN", sandbox.rootToken())));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        OutputStream in = p.getOutputStream();
        in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        return p;
    }

    private static void assertServesCleanly(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        JsonNode list = null;
        // every stdout line is a JSON-RPC message: a JVM warning there would break the client's stream
        while (list == null) {
            String line = out.readLine();
            assertTrue(line != null, "stdout ended before tools/list was answered");
            JsonNode message = JSON.readTree(line);
            assertEquals("2.0", message.path("jsonrpc").asText(), "not a JSON-RPC message on stdout: " + line);
            if (message.path("id").asInt() == 2) {
                list = message;
            }
        }
        assertTrue(list != null && list.path("result").path("tools").size() > 0, "tools/list answered");
        p.getOutputStream().close();
        String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        for (String line : rest.isEmpty() ? List.<String>of() : List.of(rest.split("\n"))) {
            assertEquals("2.0", JSON.readTree(line).path("jsonrpc").asText(), "stdout after tools/list: " + line);
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's launch command names a class-data archive; when that archive is missing or unusable (another Java, a
 * rebuilt jar, a damaged file) the server must still start and keep stdout for MCP messages only.
 */
class ClassDataArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void missingArchiveStillServesToolsListWithCleanStdout() throws Exception {
        assertServesCleanly(dir.resolve("no-such.jsa"));
    }

    @Test
    void corruptArchiveStillServesToolsListWithCleanStdout() throws Exception {
        Path corrupt = dir.resolve("corrupt.jsa");
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(13).nextBytes(junk);
        Files.write(corrupt, junk);
        assertServesCleanly(corrupt);
    }

    /** The flags README and claude-config-example.json give, with {@code archive} in place of the built one. */
    private static void assertServesCleanly(Path archive) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerJar.javaExecutable(),
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:TieredStopAtLevel=1", "-jar", ServerJar.jar().toAbsolutePath().toString(), "--sandbox"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServerJar.cleanEnv(java.util.Map.of()));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
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
            in.close();
            String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String line : rest.isEmpty() ? List.<String>of() : List.of(rest.split("\n"))) {
                assertEquals("2.0", JSON.readTree(line).path("jsonrpc").asText(), "stdout after tools/list: " + line);
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }
}

package dev.hook0mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** claude-config-example.json at the project root stays valid and runs the jar with a token. */
class ClientConfigExampleTest {

    @Test
    void exampleLaunchesTheJarWithAToken() throws Exception {
        JsonNode config = new ObjectMapper().readTree(Path.of("..", "claude-config-example.json").toFile());
        JsonNode hook0 = config.path("mcpServers").path("hook0");
        assertEquals("java", hook0.path("command").asText());
        List<String> args = new ArrayList<>();
        hook0.path("args").forEach(a -> args.add(a.asText()));
        int jar = args.indexOf("-jar");
        assertTrue(jar >= 0, "runs -jar");
        assertTrue(args.get(jar + 1).endsWith("/server/target/hook0-mcp.jar"));
        // the class-data archive the build writes next to the jar, ignored when missing or stale, with the JVM's
        // own messages kept off stdout (the MCP stream)
        assertTrue(args.subList(0, jar).contains("-XX:SharedArchiveFile=" + args.get(jar + 1).replace(".jar", ".jsa")));
        assertTrue(args.subList(0, jar).containsAll(List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr")));
        // an option that Java 17 builds before 17.0.12 do not know, or lock, comes with the two that let them start
        int trim = args.indexOf("-XX:TrimNativeHeapInterval=5000");
        assertTrue(trim > args.indexOf("-XX:+UnlockExperimentalVMOptions") && trim < jar, "trims the native heap");
        assertTrue(args.subList(0, trim).contains("-XX:+IgnoreUnrecognizedVMOptions"));
        assertTrue(hook0.path("env").has("HOOK0_API_TOKEN"));
        assertEquals("https://app.hook0.com", hook0.path("env").path("HOOK0_API_URL").asText());
    }
}

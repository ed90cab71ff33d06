package dev.hook0mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** claude-config-example.json at the project root stays valid and runs the jar with a token. */
class ClientConfigExampleTest {

    @Test
    void exampleLaunchesTheJarWithAToken() throws Exception {
        JsonNode config = new ObjectMapper().readTree(Path.of("..", "claude-config-example.json").toFile());
        JsonNode hook0 = config.path("mcpServers").path("hook0");
        assertEquals("java", hook0.path("command").asText());
        assertEquals("-jar", hook0.path("args").get(0).asText());
        assertTrue(hook0.path("args").get(1).asText().endsWith("hook0-mcp.jar"));
        assertTrue(hook0.path("env").has("HOOK0_API_TOKEN"));
        assertEquals("https://app.hook0.com", hook0.path("env").path("HOOK0_API_URL").asText());
    }
}

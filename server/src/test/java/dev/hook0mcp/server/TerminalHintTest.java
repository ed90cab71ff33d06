package dev.hook0mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.config.Config;
import dev.hook0mcp.server.config.ConfigParser;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalHintTest {

    private static Config config(String... args) {
        return new ConfigParser(Map.of("HOOK0_API_TOKEN", "t")).parse(args);
    }

    @Test
    void aPipeGetsNothing() {
        assertEquals(Optional.empty(), TerminalHint.line(config("--sandbox"), false, "/opt/hook0-mcp.jar"));
        assertEquals(Optional.empty(), TerminalHint.line(config(), false, "/opt/hook0-mcp.jar"));
    }

    @Test
    void theSandboxInATerminalNamesCheckTheInspectorAndCtrlD() {
        String line = TerminalHint.line(config("--sandbox"), true, "/opt/hook0-mcp.jar").orElseThrow();
        assertTrue(line.contains("waiting for an MCP client on stdin"), line);
        assertTrue(line.contains("`java -jar /opt/hook0-mcp.jar check --sandbox`"), line);
        assertTrue(line.contains("`npx @modelcontextprotocol/inspector java -jar /opt/hook0-mcp.jar --sandbox`"), line);
        assertTrue(line.contains("Ctrl-D"), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void aRealTokenInATerminalNamesCheckWithoutTheSandbox() {
        String line = TerminalHint.line(config(), true, "hook0-mcp.jar").orElseThrow();
        assertTrue(line.contains("`java -jar hook0-mcp.jar check` shows what the token can do"), line);
        assertTrue(!line.contains("--sandbox"), line);
    }

    @Test
    void outsideAJarTheGenericNameIsShown() {
        assertEquals("hook0-mcp.jar", TerminalHint.jarPath(), "tests run from target/classes");
    }
}

package dev.hook0mcp.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void theServerReportsTheVersionMavenBuilt() {
        // "dev" is the fallback when the filtered version.properties is not found next to Version.class
        assertEquals(System.getProperty("hook0mcp.project.version"), Version.VERSION);
    }

    @Test
    void theUserAgentNamesServerVersionAndJava() {
        assertTrue(Version.userAgent().startsWith("hook0-mcp/" + Version.VERSION + " (java "), Version.userAgent());
    }
}

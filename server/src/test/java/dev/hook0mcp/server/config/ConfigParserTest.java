package dev.hook0mcp.server.config;

import dev.hook0mcp.server.token.TokenText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {

    private static Config parse(Map<String, String> env, String... args) {
        return new ConfigParser(env).parse(args);
    }

    @Test
    void defaultsWithAToken() {
        Config c = parse(Map.of("HOOK0_API_TOKEN", "  tok  \n"));
        assertEquals(Config.Command.SERVE, c.command());
        assertEquals(Transport.STDIO, c.transport());
        assertEquals("https://app.hook0.com", c.apiUrl());
        assertEquals("tok", c.token(), "the token is trimmed");
        assertEquals(Duration.ofSeconds(30), c.timeout());
        assertEquals(3000, c.port());
        assertEquals("127.0.0.1", c.host());
        assertFalse(c.readOnly());
    }

    @Test
    void statelessMetricsAndTrustedProxiesForATeamDeployment() {
        Config c = parse(Map.of("MCP_TRANSPORT", "http", "MCP_STATELESS", "true", "MCP_TRUSTED_PROXIES", "10.0.0.2, 10.0.0.3"),
                "--metrics");
        assertTrue(c.stateless());
        assertTrue(c.metrics());
        assertEquals(Set.of("10.0.0.2", "10.0.0.3"), c.trustedProxies());
        Config d = parse(Map.of());
        assertFalse(d.stateless() || d.metrics(), "both off by default");
        var e = assertThrows(ConfigException.class, () -> parse(Map.of("MCP_TRANSPORT", "sse"), "--stateless"));
        assertTrue(e.getMessage().contains("--transport http"), e.getMessage());
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--metrics"), "an HTTP-only flag with stdio");
        assertFalse(parse(Map.of("MCP_STATELESS", "true", "MCP_METRICS", "true")).stateless(),
                "variables exported for another program do not stop a stdio server");
    }

    @Test
    void theAuditLogIsOffByDefaultAndTakesAFileOrDashAndASizeCap() {
        Config off = parse(Map.of());
        assertNull(off.auditLog());
        assertEquals(100L * 1024 * 1024, off.auditLogMaxBytes());
        Config on = parse(Map.of("HOOK0_AUDIT_LOG", "/tmp/env.jsonl", "HOOK0_AUDIT_LOG_MAX_MB", "5"),
                "--audit-log", " /var/log/audit.jsonl ");
        assertEquals("/var/log/audit.jsonl", on.auditLog(), "the flag wins, trimmed");
        assertEquals(5L * 1024 * 1024, on.auditLogMaxBytes());
        assertEquals("-", parse(Map.of(), "--audit-log=-").auditLog());
        var e = assertThrows(ConfigException.class, () -> parse(Map.of(), "--audit-log-max-mb", "0"));
        assertTrue(e.getMessage().contains("--audit-log-max-mb"), e.getMessage());
        String token = "En0KEwoEdG9rZW4YAyIJCgcIChIDGIAIEiQIABIgQf3bY1l2bNcw8bX5V7kM0yCfqZ8cEJz0M9QnKpOqZ0EaQK";
        e = assertThrows(ConfigException.class, () -> parse(Map.of("HOOK0_AUDIT_LOG", token)));
        assertFalse(e.getMessage().contains(token.substring(0, 20)), "a pasted token is never echoed");
        assertTrue(HelpText.render().contains("--audit-log VALUE") && HelpText.render().contains("HOOK0_AUDIT_LOG_MAX_MB"));
    }

    @Test
    void apiUrlToleratesTrailingSlashAndApiV1() {
        for (String url : new String[] {"https://h.example/", "https://h.example/api/v1", "https://h.example/api/v1/"}) {
            assertEquals("https://h.example", ConfigParser.normalizeApiUrl(url), url);
        }
        assertThrows(ConfigException.class, () -> ConfigParser.normalizeApiUrl("ftp://h.example"));
        assertThrows(ConfigException.class, () -> ConfigParser.normalizeApiUrl("not a url"));
    }

    @Test
    void anApiUrlWithAUserAndPasswordIsRefusedWithoutShowingThem() {
        String message = assertThrows(ConfigException.class,
                () -> ConfigParser.normalizeApiUrl("https://user:s3cretpass@h.example:8443/api/v1")).getMessage();
        assertTrue(message.contains("give the URL as https://h.example:8443"), message);
        assertFalse(message.contains("s3cretpass") || message.contains("user:"), message);
    }

    @Test
    void flagsWinOverEnvironment() {
        Config c = parse(Map.of("HOOK0_API_URL", "https://env.example", "HOOK0_TIMEOUT_SECONDS", "5"),
                "--api-url", "https://flag.example/api/v1", "--timeout=7", "--read-only", "--toolsets", "events, deliveries");
        assertEquals("https://flag.example", c.apiUrl());
        assertEquals(Duration.ofSeconds(7), c.timeout());
        assertTrue(c.readOnly());
        assertEquals(Set.of("events", "deliveries"), c.toolsets());
    }

    @Test
    void badValuesAreErrorsNamingTheSetting() {
        var e = assertThrows(ConfigException.class, () -> parse(Map.of("HOOK0_READ_ONLY", "maybe")));
        assertTrue(e.getMessage().contains("HOOK0_READ_ONLY"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse(Map.of(), "--port", "70000"));
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse(Map.of(), "--transport", "carrier-pigeon"));
        assertTrue(e.getMessage().contains("stdio, sse or http"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse(Map.of(), "--frobnicate"));
        assertTrue(e.getMessage().contains("unknown argument '--frobnicate'"), e.getMessage());
        assertThrows(ConfigException.class, () -> parse(Map.of(), "--api-url"));
    }

    @Test
    void helpAndVersionNeedNothingElse() {
        assertEquals(Config.Command.HELP, parse(Map.of(), "--help").command());
        assertEquals(Config.Command.VERSION, parse(Map.of("HOOK0_READ_ONLY", "garbage"), "--version").command());
        assertEquals(Config.Command.CHECK, parse(Map.of(), "check").command());
    }

    @Test
    void tokenFileIsReadAndTrimmedAndWinsOverTheVariable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "\n file-token \n");
        Config c = parse(Map.of("HOOK0_API_TOKEN", "env-token", "HOOK0_API_TOKEN_FILE", file.toString()));
        assertEquals("file-token", c.token());
        assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOK0_API_TOKEN_FILE", dir.resolve("missing").toString())));
        assertNull(parse(Map.of("HOOK0_API_TOKEN", "   ")).token());
    }

    @Test
    void anUnreadableTokenFileSaysTheVariableWasSetTooAndHowToUseIt(@TempDir Path dir) {
        String missing = dir.resolve("missing").toString();
        String both = assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOK0_API_TOKEN", "env-token", "HOOK0_API_TOKEN_FILE", missing))).getMessage();
        assertTrue(both.startsWith("cannot read HOOK0_API_TOKEN_FILE " + missing + ": no such file"), both);
        assertTrue(both.endsWith("HOOK0_API_TOKEN is set too, but HOOK0_API_TOKEN_FILE comes first: remove the"
                + " token file setting (--api-token-file and HOOK0_API_TOKEN_FILE) to use HOOK0_API_TOKEN"), both);
        assertFalse(both.contains("env-token"), "the token itself is never shown");
        String fileOnly = assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOK0_API_TOKEN_FILE", missing))).getMessage();
        assertFalse(fileOnly.contains("set too"), fileOnly);
    }

    @Test
    void aTokenFileFarLargerThanATokenIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge");
        Files.write(file, new byte[TokenText.MAX_BYTES + 1]);
        String message = assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOK0_API_TOKEN_FILE", file.toString()))).getMessage();
        assertTrue(message.contains("not a token file"), message);
        if (Files.isReadable(Path.of("/dev/zero"))) { // endless: a read to the end would never return
            assertThrows(ConfigException.class, () -> parse(Map.of("HOOK0_API_TOKEN_FILE", "/dev/zero")));
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        Config c = parse(Map.of("HOOK0_API_TOKEN", "EoUCsecretTokenValue"));
        assertFalse(c.toString().contains("EoUCsecretTokenValue"));
        assertTrue(c.toString().contains("token=(set)"));
    }

    @Test
    void theCallDeadlineDefaultsTo60sAndTakesAFlagOrTheEnvironment() {
        assertEquals(Duration.ofSeconds(60), parse(Map.of()).callTimeout());
        assertEquals(Duration.ofSeconds(9), parse(Map.of("HOOK0_CALL_TIMEOUT_SECONDS", "9")).callTimeout());
        assertEquals(Duration.ofSeconds(3), parse(Map.of("HOOK0_CALL_TIMEOUT_SECONDS", "9"), "--call-timeout", "3")
                .callTimeout());
        var e = assertThrows(ConfigException.class, () -> parse(Map.of(), "--call-timeout=0"));
        assertTrue(e.getMessage().contains("--call-timeout"), e.getMessage());
    }

    @Test
    void theHandshakeWaitDefaultsTo4sAndMayBeZero() {
        assertEquals(Duration.ofSeconds(4), parse(Map.of()).handshakeWait());
        assertEquals(Duration.ZERO, parse(Map.of("HOOK0_HANDSHAKE_WAIT_SECONDS", "0")).handshakeWait(),
                "0: the handshake never waits for the probes");
        assertEquals(Duration.ofSeconds(12), parse(Map.of("HOOK0_HANDSHAKE_WAIT_SECONDS", "0"), "--handshake-wait",
                "12").handshakeWait());
        var e = assertThrows(ConfigException.class, () -> parse(Map.of("HOOK0_HANDSHAKE_WAIT_SECONDS", "-1")));
        assertTrue(e.getMessage().contains("HOOK0_HANDSHAKE_WAIT_SECONDS"), e.getMessage());
    }

    @Test
    void theShutdownGraceDefaultsTo10SecondsAndIsBounded() {
        assertEquals(Duration.ofSeconds(10), parse(Map.of("HOOK0_API_TOKEN", "t")).shutdownGrace());
        assertEquals(Duration.ofSeconds(3), parse(Map.of("MCP_SHUTDOWN_GRACE_SECONDS", "3")).shutdownGrace());
        assertEquals(Duration.ZERO, parse(Map.of(), "--shutdown-grace", "0").shutdownGrace());
        ConfigException tooLong = assertThrows(ConfigException.class, () -> parse(Map.of(), "--shutdown-grace=601"));
        assertTrue(tooLong.getMessage().contains("--shutdown-grace must be between 0 and 600"), tooLong.getMessage());
    }

    @Test
    void aTokenPastedAsAValueIsNeverInTheMessage() {
        String token = "EoUCCpoBCgR0eXBlCg5zZXJ2aWNlX2FjY2VzcwoIdG9rZW5faWQKCmNyZWF0ZWRfYXQK";
        for (String[] args : new String[][] {{"--token=" + token}, {token}, {"--timeout", token}, {"--read-only=" + token},
                {"--transport", token}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(Map.of("HOOK0_API_TOKEN", "t"), args));
            assertFalse(e.getMessage().contains(token.substring(0, 20)), e.getMessage());
        }
        ConfigException file = assertThrows(ConfigException.class,
                () -> parse(Map.of("HOOK0_API_TOKEN_FILE", "Bearer " + token)));
        assertFalse(file.getMessage().contains(token.substring(0, 20)), file.getMessage());
    }

    @Test
    void httpSettingsAreTakenWithAnHttpTransportAndRefusedWithStdio() {
        Config http = parse(Map.of("MCP_PORT", "0", "MCP_HOST", "::1"), "--transport", "http", "--allowed-origins",
                "https://app.example");
        assertEquals(0, http.port());
        assertEquals("::1", http.host());
        assertEquals(4000, parse(Map.of("MCP_TRANSPORT", "sse"), "--port", "4000").port());
        var e = assertThrows(ConfigException.class, () -> parse(Map.of(), "--host", "0.0.0.0"));
        assertTrue(e.getMessage().startsWith("--host is only used by the HTTP transports"), e.getMessage());
        assertEquals(Transport.STDIO, parse(Map.of("MCP_HOST", "0.0.0.0", "MCP_PORT", "3001")).transport(),
                "variables a shell exported for another program do not stop a stdio server");
        assertEquals(3000, parse(Map.of("MCP_PORT", " ")).port(), "a blank variable is not set");
    }

    @Test
    void aMisnamedTokenVariableIsAskedAboutOnlyWhenNoTokenIsGiven() {
        assertFalse(new ConfigParser(Map.of("HOOK0_TOKEN", "x"), false).parse(new String[0]).hasToken(),
                "attenuate, which also reads the token from stdin, is not stopped by a misnamed variable");
        var e = assertThrows(ConfigException.class, () -> parse(Map.of("HOOK0_API_KEY", "value-of-the-key")));
        assertTrue(e.getMessage().contains("did you mean HOOK0_API_TOKEN?"), e.getMessage());
        assertFalse(e.getMessage().contains("value-of-the-key"), e.getMessage());
        assertEquals("t", parse(Map.of("HOOK0_API_KEY", "other", "HOOK0_API_TOKEN", "t")).token());
        assertTrue(parse(Map.of("HOOK0_TOKEN", "x"), "--sandbox").sandbox(), "the sandbox brings its own token");
        assertNull(parse(Map.of("HOOK0_SERVICE_TOKEN", "  ")).token(), "a blank variable is not a token");
    }

    @Test
    void theSettingsKeyIsEverySettingButTheTokenWrittenTheSameWayForTheSameSettings() {
        Config a = parse(Map.of("HOOK0_API_TOKEN", "secret-a", "HOOK0_TOOLS", "list_events,get_event,list_applications"));
        Config b = parse(Map.of("HOOK0_API_TOKEN", "secret-b", "HOOK0_TOOLS", "list_applications,get_event,list_events"));
        assertEquals(a.settingsKey(), b.settingsKey(), "the token is not part of it, and sets are sorted");
        assertTrue(a.settingsKey().contains("tools=[get_event, list_applications, list_events]"), a.settingsKey());
        assertFalse(a.settingsKey().contains("secret"));
        assertFalse(a.settingsKey().equals(parse(Map.of("HOOK0_API_TOKEN", "secret-a", "HOOK0_TOOLS",
                "list_events,get_event,list_applications", "HOOK0_READ_ONLY", "true")).settingsKey()),
                "read-only lists other tools: another key");
    }
}

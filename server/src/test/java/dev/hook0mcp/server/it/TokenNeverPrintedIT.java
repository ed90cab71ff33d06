package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.sandbox.Sandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The token is never printed: not by a token pasted where an argument or a file path belongs, and not by any
 * logger at any level (the jar's JVM is started with every logger at debug or trace).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenNeverPrintedIT {

    /** Every logger as verbose as slf4j-simple allows, Jetty's and OkHttp's included (the jar sets them to warn). */
    static final String VERBOSE_LOGGING = "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"
            + " -Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=debug -Dorg.slf4j.simpleLogger.log.okhttp3=trace"
            + " -Dorg.slf4j.simpleLogger.log.io.modelcontextprotocol=trace"
            + " -Dorg.slf4j.simpleLogger.log.reactor=debug";

    private Sandbox sandbox;
    private String token;
    private String readOnly;
    /** The two verbose jars start together (each test then uses its own): their JVM starts overlap. */
    private CompletableFuture<HttpServerProcess> httpJar;
    private CompletableFuture<ServerJar> stdioJar;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        token = sandbox.rootToken();
        readOnly = sandbox.tokens().attenuate(token,
                dev.hook0mcp.sandbox.Attenuation.none().allowActions(java.util.Set.copyOf(TokenProbeIT.READ_ACTIONS)));
        httpJar = CompletableFuture.supplyAsync(() -> {
            try {
                return new HttpServerProcess("http", Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                        "JAVA_TOOL_OPTIONS", VERBOSE_LOGGING));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stdioJar = CompletableFuture.supplyAsync(() -> ServerJar.start(sandbox.baseUrl(), token,
                Map.of("JAVA_TOOL_OPTIONS", VERBOSE_LOGGING)));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            HttpServerProcess http = httpJar.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
            if (http != null) {
                http.close(); // stopped by its test already, unless that failed early
            }
        } finally {
            sandbox.close();
        }
    }

    /** Neither the token nor any 24-character piece of it. */
    static void assertNoPieceOf(String token, String output) {
        for (int i = 0; i + 24 <= token.length(); i += 8) {
            String piece = token.substring(i, i + 24);
            assertFalse(output.contains(piece), () -> "a piece of the token was printed: ..." + output);
        }
    }

    /** The entry point in this JVM: what it writes on stdout and stderr, its log lines included. */
    @Test
    void aTokenGivenAsAnArgumentIsNamedNotEchoed() throws Exception {
        Map<String, String> env = Map.of("HOOK0_API_URL", sandbox.baseUrl());

        RawProcess.Outcome flag = InProcessServer.run(env, "--token=" + token);
        assertEquals(2, flag.status());
        assertTrue(flag.stderr().contains("unknown argument '--token=…'"), flag.stderr());
        assertTrue(flag.stderr().contains("HOOK0_API_TOKEN"), flag.stderr());
        assertNoPieceOf(token, flag.stdout() + flag.stderr());

        RawProcess.Outcome bare = InProcessServer.run(env, "--read-only", token);
        assertEquals(2, bare.status());
        assertTrue(bare.stderr().contains("unknown argument #2 (value not shown: it looks like a token"), bare.stderr());
        assertNoPieceOf(token, bare.stdout() + bare.stderr());

        RawProcess.Outcome bearer = InProcessServer.run(env, "Bearer " + token);
        assertEquals(2, bearer.status());
        assertTrue(bearer.stderr().contains("unknown argument #1"), bearer.stderr());
        assertNoPieceOf(token, bearer.stdout() + bearer.stderr());

        RawProcess.Outcome file = InProcessServer.run(Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                "HOOK0_API_TOKEN_FILE", token));
        assertEquals(2, file.status());
        assertTrue(file.stderr().contains("HOOK0_API_TOKEN_FILE must name a file"), file.stderr());
        assertNoPieceOf(token, file.stdout() + file.stderr());

        RawProcess.Outcome missing = InProcessServer.run(Map.of("HOOK0_API_TOKEN_FILE", "/nonexistent/hook0-token"));
        assertEquals(2, missing.status());
        assertTrue(missing.stderr().contains("/nonexistent/hook0-token: no such file"), "a real path is named: "
                + missing.stderr());
    }

    @Test
    void noLoggerPrintsThePerCallerBearerTokenOverHttp() throws Exception {
        try (HttpServerProcess server = httpJar.get(120, TimeUnit.SECONDS)) {
            McpSyncClient client = server.streamableClient(readOnly);
            var result = client.callTool(new McpSchema.CallToolRequest("list_organizations", Map.of()));
            assertFalse(Boolean.TRUE.equals(result.isError()), Results.text(result));
            client.closeGracefully();
            assertTrue(server.terminate(), "the server stops");
            String stderr = server.stderr();
            assertTrue(stderr.contains("DEBUG"), "debug logging was on");
            assertTrue(stderr.toLowerCase(java.util.Locale.ROOT).contains("authorization"),
                    "the header was logged, masked");
            assertNoPieceOf(readOnly, stderr);
        }
    }

    @Test
    void noLoggerPrintsTheConfiguredTokenOverStdio() throws Exception {
        ServerJar server = stdioJar.get(120, TimeUnit.SECONDS);
        try {
            Results.ok(server.call("list_organizations", Map.of()));
            Results.error(server.call("get_application", Map.of("application_id",
                    "00000000-0000-7000-8000-000000000000")));
        } finally {
            server.close();
        }
        String stderr = server.stderr();
        assertTrue(stderr.contains("DEBUG") || stderr.contains("TRACE"), "verbose logging was on");
        assertNoPieceOf(token, stderr);
    }
}

package dev.hook0mcp.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.catalog.Hook0Actions;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.catalog.ToolDefinition;
import dev.hook0mcp.catalog.ToolScope;
import dev.hook0mcp.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code attenuate} with the token piped into stdin prints only the new token (once through the jar, so the whole
 * process's stdout is checked; otherwise in-process through the same entry point), and a server started with that
 * token offers exactly the tools it allows. A root token gets the least-privilege nudge at start, on stdio and on
 * HTTP with a configured token; an attenuated one does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttenuateIT {

    private static final String NUDGE = "full access to organization";
    private Sandbox sandbox;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void theServerOffersExactlyWhatTheAttenuatedTokenAllows() throws Exception {
        String root = sandbox.rootToken();
        Set<String> claim = Set.copyOf(Hook0Actions.standard().readOnlyClaim());
        String app = sandbox.applicationId().toString();

        assertOffers(pipeThroughJar(root, "--read-only"), t -> claim.contains(t.action()));
        assertOffers(pipe(root, "--application", app), t -> t.scope() != ToolScope.ORGANIZATION);
        assertOffers(pipe(root, "--application", app, "--expires", "30d", "--read-only", "--allow", "event:ingest"),
                t -> t.scope() != ToolScope.ORGANIZATION
                        && (claim.contains(t.action()) || "event:ingest".equals(t.action())));
    }

    @Test
    void onlyARootTokenIsNudgedAtStartOnStdio() throws Exception {
        String root = sandbox.rootToken();
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), root, Map.of())) {
            server.toolNames();
            String stderr = server.stderr();
            assertTrue(stderr.contains(NUDGE) && stderr.contains("java -jar hook0-mcp.jar attenuate --application"),
                    stderr);
            assertFalse(stderr.contains(root));
        }
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), pipe(root, "--expires", "30d"), Map.of())) {
            server.toolNames();
            assertFalse(server.stderr().contains(NUDGE), server.stderr());
        }
    }

    @Test
    void aRootTokenConfiguredForHttpIsNudgedAtStart() throws Exception {
        String root = sandbox.rootToken();
        try (InProcessHttpServer server = new InProcessHttpServer("http", Map.of("HOOK0_API_URL", sandbox.baseUrl(),
                "HOOK0_API_TOKEN", root, "MCP_SHUTDOWN_GRACE_SECONDS", "0"))) { // stops at once, nothing in flight
            for (int i = 0; i < 200 && !server.stderr().contains(NUDGE); i++) {
                Thread.sleep(100);
            }
            assertTrue(server.stderr().contains(NUDGE), server.stderr());
            assertFalse(server.stderr().contains(root));
        }
    }

    /** {@code echo $TOKEN | hook0-mcp attenuate ARGS} in-process: returns stdout's only line. */
    private String pipe(String token, String... args) {
        List<String> all = new ArrayList<>(List.of("attenuate"));
        all.addAll(List.of(args));
        RawProcess.Outcome outcome = InProcessServer.runWithInput(Map.of("HOOK0_API_URL", sandbox.baseUrl()),
                token + "\n", all.toArray(String[]::new));
        return newToken(token, outcome.status(), outcome.stdout(), outcome.stderr());
    }

    /** {@code echo $TOKEN | java -jar hook0-mcp.jar attenuate ARGS}: returns stdout's only line. */
    private String pipeThroughJar(String token, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerJar.javaExecutable()));
        List<String> all = new ArrayList<>(List.of("attenuate"));
        all.addAll(List.of(args));
        command.addAll(ServerJar.command(all));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServerJar.cleanEnv(Map.of("HOOK0_API_URL", sandbox.baseUrl())));
        Process p = builder.start();
        p.getOutputStream().write((token + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "attenuate ended");
        return newToken(token, p.exitValue(), out, err);
    }

    private static String newToken(String token, int status, String out, String err) {
        assertEquals(0, status, err);
        assertFalse(err.contains(token) || out.contains(token), "the input token is never printed");
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), "stdout holds the new token only");
        assertFalse(err.contains(lines.get(0)), "the new token is not on stderr");
        assertTrue(err.contains("Mode:"), err);
        return lines.get(0);
    }

    private void assertOffers(String token, Predicate<ToolDefinition> allowed) {
        Set<String> expected = new TreeSet<>();
        for (ToolDefinition t : ToolCatalog.standard().tools()) {
            if (t.action() == null || allowed.test(t)) {
                expected.add(t.name());
            }
        }
        try (InProcessServer server = InProcessServer.start(sandbox.baseUrl(), token, Map.of())) {
            assertEquals(expected, new TreeSet<>(server.toolNames()));
            assertFalse(server.stderr().contains(token));
        }
    }
}

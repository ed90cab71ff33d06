package dev.hook0mcp.server.it;

import static dev.hook0mcp.server.hook0.FaultyHook0.html;
import static dev.hook0mcp.server.hook0.FaultyHook0.respond;
import static dev.hook0mcp.server.it.Results.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.server.hook0.FaultyHook0;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A HOOK0_API_URL that points at something else — a web page, a proxy's login page, another JSON API — is told
 * apart at start by {@code GET /api/v1/instance}, which Hook0 answers with its biscuit_public_key: `check` is not
 * healthy and says why, and get_token_info says it too. Every other route answers as Hook0 would (forwarded to
 * the sandbox), so nothing but the instance answer gives it away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotAHook0ApiIT {

    private static final String INSTANCE = "/api/v1/instance";

    private Sandbox sandbox;
    private FaultyHook0 hook0;

    @BeforeAll
    void start() throws Exception {
        sandbox = Sandbox.start(0);
        hook0 = FaultyHook0.start(sandbox.baseUrl());
    }

    @AfterEach
    void reset() {
        hook0.clear();
    }

    @AfterAll
    void stop() throws Exception {
        hook0.close();
        sandbox.close();
    }

    private RawProcess.Outcome check() throws Exception {
        return InProcessServer.run(Map.of("HOOK0_API_URL", hook0.baseUrl(), "HOOK0_API_TOKEN", sandbox.rootToken()),
                "check");
    }

    @Test
    void checkIsHealthyAgainstHook0ItselfOnly() throws Exception {
        RawProcess.Outcome healthy = check();
        assertEquals(0, healthy.status(), healthy.stdout());

        hook0.on("GET", INSTANCE, html(200));
        RawProcess.Outcome page = check();
        assertEquals(1, page.status(), page.stdout());
        assertTrue(page.stdout().contains("NOT a Hook0 API"), page.stdout());
        assertTrue(page.stdout().contains("HOOK0_API_URL " + hook0.baseUrl() + " is not a Hook0 API: GET"
                + " /api/v1/instance answered 200 with something that is not JSON (text/html)"), page.stdout());

        hook0.on("GET", INSTANCE, respond(200, Map.of("Content-Type", "application/json"), "{\"status\":\"ok\"}"));
        RawProcess.Outcome otherJson = check();
        assertEquals(1, otherJson.status(), otherJson.stdout());
        assertTrue(otherJson.stdout().contains("answered 200 with JSON that has no biscuit_public_key"),
                otherJson.stdout());

        hook0.on("GET", INSTANCE, respond(302, Map.of("Location", "https://login.example/"), ""));
        RawProcess.Outcome redirect = check();
        assertEquals(1, redirect.status(), redirect.stdout());
        assertTrue(redirect.stdout().contains("answered 302"), redirect.stdout());
    }

    @Test
    void getTokenInfoSaysTheUrlIsNotAHook0Api() {
        hook0.on("GET", INSTANCE, html(200));
        try (InProcessServer server = InProcessServer.start(hook0.baseUrl(), sandbox.rootToken(), Map.of())) {
            JsonNode info = ok(server.call("get_token_info", Map.of()));
            assertTrue(info.path("api_problem").asText().startsWith("HOOK0_API_URL " + hook0.baseUrl()
                    + " is not a Hook0 API"), info.toString());
            assertTrue(server.initialized.instructions().contains("is not a Hook0 API"),
                    server.initialized.instructions());
            assertTrue(server.stderr().contains("is not a Hook0 API"), "logged at start: " + server.stderr());
        }
    }
}

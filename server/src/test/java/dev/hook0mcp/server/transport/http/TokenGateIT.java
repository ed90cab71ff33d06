package dev.hook0mcp.server.transport.http;

import static dev.hook0mcp.server.transport.http.HttpCallers.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hook0mcp.sandbox.Attenuation;
import dev.hook0mcp.sandbox.Sandbox;
import dev.hook0mcp.sandbox.auth.RootTokenRegistry;
import dev.hook0mcp.sandbox.auth.TokenMinter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.biscuitsec.biscuit.crypto.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-caller mode (no HOOK0_API_TOKEN): only a token this Hook0 instance signed may create an endpoint, and so
 * cost a probe; one address may create only so many per minute; an endpoint with live sessions is never evicted
 * for a stranger's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenGateIT {

    /** A read-only token gets every read of the catalogue. */
    private static final int READS = (int) dev.hook0mcp.catalog.ToolCatalog.standard().tools().stream()
            .filter(dev.hook0mcp.catalog.ToolDefinition::isRead).count();

    private Sandbox sandbox;
    /** Another Hook0 instance's root key and the token it signs for the same organization (no server needed). */
    private String foreign;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(0);
        foreign = new TokenMinter(new KeyPair(), new RootTokenRegistry())
                .mintRoot(sandbox.organizationId(), Instant.now());
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private long requestsWith(String token) {
        return sandbox.requestLog().entries().stream()
                .filter(r -> ("Bearer " + token).equals(r.authorization())).count();
    }

    @Test
    void forgedTokensAreRefusedWithoutAnEndpointOrAProbe() throws Exception {
        try (HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null, HttpLimits.defaults(java.time.Duration.ofSeconds(10)))) {
            Random random = new Random(7);
            byte[] noise = new byte[120];
            random.nextBytes(noise);
            String garbage = Base64.getUrlEncoder().withoutPadding().encodeToString(noise);
            String expired = sandbox.tokens().attenuate(sandbox.rootToken(),
                    Attenuation.none().expiresAt(Instant.now().minusSeconds(60)));
            for (String token : List.of("made-up-token-1", garbage, foreign, expired)) {
                HttpResponse<String> r = HttpCallers.post(server, token, null, HttpCallers.INITIALIZE);
                assertEquals(401, r.statusCode(), r.body());
                String why = error(r).path("error").path("message").asText();
                assertTrue(why.contains(token == foreign ? "not issued by the Hook0 instance"
                        : token == expired ? "expired" : "unreadable"), why);
                assertEquals(0, requestsWith(token), "a probe reached Hook0 with a refused token");
            }
            // what is left once "Bearer " is taken off is read as the token: here, another scheme's credentials
            HttpResponse<String> basic = HttpCallers.post(server, "Basic dXNlcjpwYXNzd29yZA==", null,
                    HttpCallers.INITIALIZE);
            assertEquals(401, basic.statusCode(), basic.body());
            String why = error(basic).path("error").path("message").asText();
            assertTrue(why.contains("uses the Basic scheme") && why.contains("Authorization: Bearer <token>"), why);
        }
    }

    @Test
    void aFloodOfNewTokensNeverEvictsAnEndpointWithLiveSessions() throws Exception {
        try (HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null,
                HttpCallers.limits(3, 100, 32, HttpLimits.BODY_DEADLINE))) {
            String legit = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none()
                    .allowActions(Attenuation.READ_ACTIONS));
            String session = HttpCallers.initialize(server, legit);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String stranger = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none());
                HttpResponse<String> r = HttpCallers.post(server, stranger, null, HttpCallers.INITIALIZE);
                statuses.add(r.statusCode());
                if (r.statusCode() == 503) {
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                    error(r);
                }
            }
            // the cache holds 3: the legitimate caller and two strangers with sessions; the rest are refused
            assertEquals(List.of(200, 200, 503, 503), statuses);
            HttpResponse<String> tools = HttpCallers.post(server, legit, session, HttpCallers.LIST_TOOLS);
            assertEquals(200, tools.statusCode(), tools.body());
            assertEquals(READS, HttpCallers.answer(tools).path("result").path("tools").size());
        }
    }

    @Test
    void oneAddressMayCreateOnlySoManyEndpointsPerMinute() throws Exception {
        try (HttpTransportServer server = HttpCallers.start(sandbox.baseUrl(), "http", null,
                HttpCallers.limits(100, 2, 32, HttpLimits.BODY_DEADLINE))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String token = sandbox.tokens().attenuate(sandbox.rootToken(), Attenuation.none());
                HttpResponse<String> r = HttpCallers.post(server, token, null, HttpCallers.INITIALIZE);
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                    JsonNode e = error(r);
                    assertTrue(e.path("error").path("message").asText().contains("too many new tokens"));
                    assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) > 0);
                    assertEquals(0, requestsWith(token));
                }
            }
            assertEquals(List.of(200, 200, 429), statuses);
        }
    }
}

package dev.hook0mcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.hook0mcp.server.access.ProbeOutcome.Verdict;
import dev.hook0mcp.server.hook0.Hook0Client;
import dev.hook0mcp.server.hook0.Hook0Request;
import dev.hook0mcp.server.hook0.Hook0Response;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProberTest {

    private static Hook0Response answer(int status, String body) {
        return new Hook0Response(status, Map.of(), body);
    }

    private static Verdict verdict(int status, String body) {
        return Prober.classify("probe", answer(status, body)).verdict();
    }

    @Test
    void hook0AuthorizesBeforeItValidatesSoItsAnswerIsTheVerdict() {
        assertEquals(Verdict.ALLOWED, verdict(200, "[]"));
        assertEquals(Verdict.ALLOWED, verdict(404, "{\"id\":\"NotFound\",\"title\":\"Item not found\"}"));
        assertEquals(Verdict.ALLOWED, verdict(422, "{\"id\":\"Validation\",\"title\":\"x\"}"));
        assertEquals(Verdict.DENIED, verdict(403, "{\"id\":\"Forbidden\",\"title\":\"Insufficient rights\"}"));
        assertEquals(Verdict.INVALID_TOKEN, verdict(403, "{\"id\":\"AuthInvalidBiscuit\",\"title\":\"Invalid Biscuit\"}"));
        assertEquals(Verdict.INVALID_TOKEN, verdict(401, "{\"id\":\"AuthNoAuthorizationHeader\",\"title\":\"x\"}"));
        // Answers given before authorization tell nothing about the action.
        assertEquals(Verdict.UNKNOWN, verdict(400, "Query deserialize error: missing field `application_id`"));
        assertEquals(Verdict.UNKNOWN, verdict(500, "{\"id\":\"InternalServerError\",\"title\":\"x\"}"));
    }

    @Test
    void aRateLimitedProbeIsRetriedOnlyWhereTheClientRetries() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            byte[] body = "{\"id\":\"RateLimited\",\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        Hook0Client client = new Hook0Client("http://127.0.0.1:" + http.getAddress().getPort(), Duration.ofSeconds(5));
        try (Prober prober = new Prober(client, "token", new ProbeBudgets().forToken("root"))) {
            for (String action : List.of("event:list", "event:ingest")) {
                Hook0Request probe = ActionProbes.forAction(action, "org", "app", null).orElseThrow();
                calls.set(0);
                client.send(probe, "token");
                int byClient = calls.get();
                calls.set(0);
                Prober.Result result = prober.probe(probe);
                assertEquals(Verdict.UNKNOWN, result.outcome().verdict());
                assertEquals(byClient, calls.get(), action + ": the prober adds no retries to the client's own");
            }
        } finally {
            http.stop(0);
        }
    }

    @Test
    void everyWriteProbeIsDeliberatelyInvalidOrAimsAtNothing() {
        for (String action : List.of("application:create", "application:edit", "event_type:create",
                "subscription:create", "subscription:edit", "event:ingest")) {
            Hook0Request probe = ActionProbes.forAction(action, "org", "app", null).orElseThrow();
            String body = probe.body().toString();
            boolean invalid = body.contains("\"name\":\"\"") || body.contains("\"service\":\"\"")
                    || body.contains("\"event_types\":[]") || body.contains("\"event_type\":\"\"");
            assertEquals(true, invalid, action + " must fail validation: " + body);
        }
        for (String action : List.of("event_type:delete", "subscription:delete", "event:replay")) {
            String path = String.join("/", ActionProbes.forAction(action, "org", "app", null).orElseThrow().pathSegments());
            assertEquals(true, path.contains(ActionProbes.NIL) || path.contains("nonexistent.probe.x"), action + ": " + path);
        }
        assertEquals(true, ActionProbes.forAction("application:delete", "org", "app", null).isEmpty(),
                "no request can authorize a delete without deleting");
    }
}

package dev.hook0mcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request-attempt pagination (reference §B.3) and the 100-latest events list. */
class PaginationTest {

    private static final Pattern LINK = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    private static Sandbox sandbox;
    private static Api api;
    private static String root;
    private static UUID app;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(0);
        api = new Api(sandbox);
        root = sandbox.rootToken();
        app = sandbox.applicationId();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Follows Link headers from the first page to the empty one; returns every item in order. */
    private static List<JsonNode> walk(String firstPath) {
        List<JsonNode> items = new ArrayList<>();
        Api.Reply page = api.get(firstPath, root);
        int pages = 0;
        while (true) {
            assertEquals(200, page.status(), page::toString);
            JsonNode body = page.json();
            Optional<String> link = page.link();
            if (body.isEmpty()) {
                assertTrue(link.isEmpty(), "the empty page ends the stream without a Link");
                return items;
            }
            assertTrue(body.size() <= 50);
            body.forEach(items::add);
            assertTrue(link.isPresent(), "a non-empty page always carries Link");
            Matcher m = LINK.matcher(link.get());
            assertTrue(m.matches(), link.get());
            assertTrue(m.group(1).startsWith(sandbox.baseUrl() + "/api/v1/request_attempts?application_id=" + app));
            assertCursorPointsAt(m.group(1), body.get(body.size() - 1));
            page = api.getUrl(m.group(1), root);
            assertTrue(++pages < 100, "runaway pagination");
        }
    }

    private static void assertCursorPointsAt(String url, JsonNode last) {
        String cursor = url.replaceAll(".*[?&]pagination_cursor=([^&]*).*", "$1");
        String decoded = URLDecoder.decode(cursor, StandardCharsets.UTF_8);
        assertTrue(decoded.endsWith("=") || decoded.length() % 4 == 0, "padded base64: " + decoded);
        JsonNode json = Api.JSON.valueToTree(parse(new String(Base64.getUrlDecoder().decode(decoded), StandardCharsets.UTF_8)));
        assertEquals(last.path("request_attempt_id").asText(), json.path("id").asText());
        assertEquals(Instant.parse(last.path("created_at").asText()), Instant.parse(json.path("date").asText()));
    }

    private static JsonNode parse(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void fullWalkReturnsEveryAttemptOnceInOrder() {
        List<JsonNode> items = walk("/request_attempts?application_id=" + app);
        assertEquals(sandbox.store().attemptCount(app), items.size());
        assertTrue(items.size() > 60, "the busy application has more than 60 attempts");
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            assertTrue(ids.add(item.path("request_attempt_id").asText()), "duplicate " + item);
        }
        for (int i = 1; i < items.size(); i++) {
            Instant previous = Instant.parse(items.get(i - 1).path("created_at").asText());
            Instant current = Instant.parse(items.get(i).path("created_at").asText());
            int byDate = current.compareTo(previous);
            assertTrue(byDate < 0 || (byDate == 0 && items.get(i - 1).path("request_attempt_id").asText()
                    .compareTo(items.get(i).path("request_attempt_id").asText()) < 0), "order at " + i);
        }
        Set<String> statuses = new HashSet<>();
        items.forEach(i -> statuses.add(i.path("status").path("type").asText()));
        assertEquals(Set.of("successful", "failed", "pending", "inprogress", "waiting"), statuses);
    }

    @Test
    void fullPagesHoldFiftyItems() {
        Api.Reply first = api.get("/request_attempts?application_id=" + app, root);
        assertEquals(50, first.json().size());
    }

    @Test
    void filtersAreKeptInTheLinkAndApplied() {
        JsonNode subscriptions = api.get("/subscriptions?application_id=" + app, root).json();
        String subscription = subscriptions.get(1).path("subscription_id").asText();
        List<JsonNode> bySubscription = walk("/request_attempts?application_id=" + app + "&subscription_id=" + subscription);
        assertFalse(bySubscription.isEmpty());
        bySubscription.forEach(a -> assertEquals(subscription, a.path("subscription").path("subscription_id").asText()));

        List<JsonNode> byType = walk("/request_attempts?application_id=" + app
                + "&event.event_type_names=billing.invoice.failed,user.account.created");
        assertFalse(byType.isEmpty());
        byType.forEach(a -> assertTrue(Set.of("billing.invoice.failed", "user.account.created")
                .contains(a.path("event").path("event_type_name").asText())));

        JsonNode anAttempt = bySubscription.get(0);
        String eventId = anAttempt.path("event_id").asText();
        walk("/request_attempts?application_id=" + app + "&event_id=" + eventId)
                .forEach(a -> assertEquals(eventId, a.path("event").path("event_id").asText()));
    }

    @Test
    void dateBoundsAreReEmittedInChronoDisplayForm() {
        List<JsonNode> all = walk("/request_attempts?application_id=" + app);
        Instant middle = Instant.parse(all.get(all.size() / 2).path("created_at").asText());
        String min = middle.toString();
        Api.Reply first = api.get("/request_attempts?application_id=" + app + "&min_created_at=" + min, root);
        String link = first.link().orElseThrow();
        String display = min.substring(0, min.length() - 1).replace('T', '+') + "+UTC";
        assertTrue(link.contains("min_created_at=" + display.replace(":", "%3A")), link);
        List<JsonNode> bounded = walk("/request_attempts?application_id=" + app + "&min_created_at=" + min);
        bounded.forEach(a -> assertFalse(Instant.parse(a.path("created_at").asText()).isBefore(middle)));
        long expected = all.stream().filter(a -> !Instant.parse(a.path("created_at").asText()).isBefore(middle)).count();
        assertEquals(expected, bounded.size());
    }

    @Test
    void badCursorIs400TextPlain() {
        Api.Reply reply = api.get("/request_attempts?application_id=" + app + "&pagination_cursor=bm90LWEtY3Vyc29y", root);
        assertEquals(400, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"));
    }

    @Test
    void eventsListIsTheLatestHundredNewestFirstWithoutPayload() {
        JsonNode events = api.get("/events?application_id=" + app, root).json();
        assertEquals(100, events.size());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(Instant.parse(events.get(i - 1).path("received_at").asText())
                    .isAfter(Instant.parse(events.get(i).path("received_at").asText())));
        }
        events.forEach(e -> assertFalse(e.has("payload")));
        for (String member : List.of("event_id", "event_type_name", "payload_content_type", "ip", "metadata",
                "occurred_at", "received_at", "labels")) {
            assertTrue(events.get(0).has(member), member);
        }
    }
}

package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of a window grouped per (event, subscription), each pair with the state its attempts show. The
 * attempts come newest first (Hook0's order), so a pair's first attempt is its latest.
 */
final class DeliveryPairs {

    /**
     * Where a pair stands. FAILED: the latest attempt failed and none follows (Hook0 gave up). RETRY_SCHEDULED: an
     * attempt is still due after a failure. RECOVERED: it failed, then a later attempt succeeded. DELIVERED:
     * succeeded without failing. IN_FLIGHT: a first attempt not finished yet.
     */
    enum State { FAILED, RETRY_SCHEDULED, RECOVERED, DELIVERED, IN_FLIGHT }

    static final class Pair {
        final String eventId;
        final String subscriptionId;
        final List<JsonNode> attempts = new ArrayList<>();

        Pair(String eventId, String subscriptionId) {
            this.eventId = eventId;
            this.subscriptionId = subscriptionId;
        }

        JsonNode latest() {
            return attempts.get(0);
        }

        String eventType() {
            return latest().path("event").path("event_type_name").asText();
        }

        String lastAttemptAt() {
            return latest().path("created_at").asText();
        }

        /** The newest failed attempt, or null (a retry whose failure is older than the window). */
        JsonNode latestFailure() {
            return attempts.stream().filter(DeliveryPairs::failed).findFirst().orElse(null);
        }

        State state() {
            String latest = status(latest());
            boolean anyFailed = attempts.stream().anyMatch(DeliveryPairs::failed);
            return switch (latest) {
                case "failed" -> State.FAILED;
                case "successful" -> anyFailed ? State.RECOVERED : State.DELIVERED;
                default -> anyFailed || latest().path("retry_count").asInt(0) > 0
                        ? State.RETRY_SCHEDULED : State.IN_FLIGHT;
            };
        }

        /** Failed for now: Hook0 gave up, or a retry is still due. */
        boolean unresolved() {
            State s = state();
            return s == State.FAILED || s == State.RETRY_SCHEDULED;
        }
    }

    private DeliveryPairs() {}

    static Collection<Pair> of(List<JsonNode> attemptsNewestFirst) {
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (JsonNode a : attemptsNewestFirst) {
            String event = a.path("event_id").asText();
            String subscription = a.path("subscription").path("subscription_id").asText();
            pairs.computeIfAbsent(event + "|" + subscription, k -> new Pair(event, subscription)).attempts.add(a);
        }
        return pairs.values();
    }

    /** A Hook0 timestamp (RFC 3339, any offset) as an instant. */
    static Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    static String status(JsonNode attempt) {
        return attempt.path("status").path("type").asText();
    }

    static boolean failed(JsonNode attempt) {
        return "failed".equals(status(attempt));
    }

    static boolean successful(JsonNode attempt) {
        return "successful".equals(status(attempt));
    }
}

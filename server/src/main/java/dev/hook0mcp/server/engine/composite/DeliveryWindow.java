package dev.hook0mcp.server.engine.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.server.engine.ArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time window of the delivery tools (get_delivery_health, list_failed_deliveries, replay_failed_events):
 * {@code since} (default 24 h before {@code until}) to {@code until} (default now), inclusive as Hook0's
 * min_created_at / max_created_at filters are.
 */
record DeliveryWindow(Instant since, Instant until) {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    static DeliveryWindow of(ObjectNode arguments, Instant now) {
        Instant until = instant(arguments, "until", now);
        Instant since = instant(arguments, "since", until.minus(DEFAULT_LENGTH));
        if (!since.isBefore(until)) {
            throw new ArgumentException("'since' must be before 'until'");
        }
        return new DeliveryWindow(since, until);
    }

    void describe(ObjectNode result) {
        result.putObject("window").put("since", since.toString()).put("until", until.toString());
    }

    private static Instant instant(ObjectNode arguments, String name, Instant otherwise) {
        JsonNode v = arguments.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ArgumentException("'" + name + "' must be a date-time such as 2026-01-31T12:00:00Z");
        }
    }
}

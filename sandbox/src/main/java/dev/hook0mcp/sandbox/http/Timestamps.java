package dev.hook0mcp.sandbox.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Date-time text as chrono writes and reads it. */
public final class Timestamps {

    private Timestamps() {
    }

    /** RFC 3339 in UTC with 'Z' and 0, 3, 6 or 9 fractional digits (chrono's AutoSi). */
    public static String rfc3339(Instant instant) {
        return instant.toString();
    }

    /** chrono's Display form, {@code 2025-01-01 00:00:00 UTC}, which Hook0 re-emits in Link URLs. */
    public static String display(Instant instant) {
        String iso = instant.toString();
        return iso.substring(0, iso.length() - 1).replace('T', ' ') + " UTC";
    }

    /** RFC 3339 with any offset, or chrono's Display form. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            if (text.endsWith(" UTC")) {
                try {
                    return Optional.of(Instant.parse(text.substring(0, text.length() - 4).replace(' ', 'T') + "Z"));
                } catch (DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package dev.hook0mcp.server.attenuate;

import dev.hook0mcp.server.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code --expires}: a duration from now ({@code 30d}, {@code 12h}, {@code 90m}, {@code 300s}) or a
 * date-time ({@code 2027-01-01T00:00:00Z}, an offset such as {@code +02:00}, or a bare date meaning its midnight
 * UTC). Second precision, as Hook0 compares times; it must lie at least {@link #MIN_DURATION} ahead.
 */
final class ExpiryText {

    /** Longest duration accepted: past ten years a typo is likelier than an intent. */
    static final Duration MAX_DURATION = Duration.ofDays(3660);

    /** Shortest validity accepted: a token that expires before it is configured is of no use to anyone. */
    static final Duration MIN_DURATION = Duration.ofMinutes(1);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([dhms])");

    private ExpiryText() {}

    static Instant parse(String text, Instant now) {
        String value = text.strip();
        Instant at = parseInstant(value.toLowerCase(Locale.ROOT), value, now);
        at = at.truncatedTo(ChronoUnit.SECONDS);
        if (!at.isAfter(now)) {
            throw new ConfigException("--expires " + value + " is not in the future (now is "
                    + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        if (at.isBefore(now.plus(MIN_DURATION))) {
            throw new ConfigException("--expires " + value + " leaves the token less than a minute: it would expire"
                    + " before a client is configured with it; give at least 1m");
        }
        return at;
    }

    private static Instant parseInstant(String lower, String value, Instant now) {
        Matcher m = DURATION.matcher(lower);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.compareTo(MAX_DURATION) > 0) {
                throw new ConfigException("--expires " + value + " is longer than " + MAX_DURATION.toDays()
                        + " days; give a date-time instead if you mean it");
            }
            // Rounded up to the next whole second, so "3s" never means less than 3 seconds.
            return now.plus(d).plusNanos(999_999_999L);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new ConfigException("--expires must be a duration such as 30d, 12h, 90m or 300s (at least 1m), or a date-time"
                        + " such as 2027-01-01T00:00:00Z, not '" + value + "'");
            }
        }
    }
}

package dev.hook0mcp.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Microsecond clock (Postgres precision) whose {@link #next()} never returns the same instant twice, so
 * request attempts never tie on {@code created_at} (Hook0's keyset pagination assumes no ties).
 */
public final class SandboxClock {

    private final Clock clock;
    private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);

    public SandboxClock(Clock clock) {
        this.clock = clock;
    }

    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    /** A strictly increasing instant, truncated to microseconds. */
    public Instant next() {
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        long value = lastMicros.updateAndGet(last -> Math.max(last + 1, micros));
        return Instant.EPOCH.plus(value, ChronoUnit.MICROS);
    }

    /** The wall-clock instant, truncated to seconds (Biscuit dates have second precision). */
    public Instant nowSeconds() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package dev.hook0mcp.server.hook0;

import java.time.Duration;

/**
 * When one tool call must be answered by: every Hook0 request of the call, its retries and their waits share it.
 * {@link #NONE} never runs out (only each request's own timeout applies).
 */
public final class Deadline {

    public static final Deadline NONE = new Deadline(null, Long.MAX_VALUE);

    private final Duration budget;
    private final long expiresAtNanos;

    private Deadline(Duration budget, long expiresAtNanos) {
        this.budget = budget;
        this.expiresAtNanos = expiresAtNanos;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget, System.nanoTime() + budget.toNanos());
    }

    public boolean bounded() {
        return budget != null;
    }

    /** Milliseconds left, never negative; {@link Long#MAX_VALUE} for {@link #NONE}. */
    public long remainingMillis() {
        if (!bounded()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (expiresAtNanos - System.nanoTime()) / 1_000_000);
    }

    public boolean expired() {
        return bounded() && remainingMillis() == 0;
    }

    /** "the tool call's deadline of 3 s (HOOK0_CALL_TIMEOUT_SECONDS)" — for messages. */
    public String describe() {
        return "the tool call's deadline of " + (budget == null ? "none" : budget.toSeconds() + " s")
                + " (HOOK0_CALL_TIMEOUT_SECONDS / --call-timeout)";
    }

    @Override
    public String toString() {
        return bounded() ? "Deadline[" + remainingMillis() + " ms left of " + budget + "]" : "Deadline[none]";
    }
}

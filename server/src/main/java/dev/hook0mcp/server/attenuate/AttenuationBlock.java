package dev.hook0mcp.server.attenuate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The checks of the one block {@code attenuate} appends, in a Datalog form that Hook0's engine (biscuit-auth 6)
 * and biscuit-java 4.0.1 both evaluate alike:
 * <ul>
 *   <li>{@code check if application_id($a), $a == hex:…} — the dashboard writes {@code application_id(hex:…)},
 *       a byte constant in a predicate, which biscuit-java never matches (it compares arrays by reference);</li>
 *   <li>{@code check if time($t), $t < 2027-01-01T00:00:00Z} — the dashboard's own form;</li>
 *   <li>{@code check if action($a), ["a", "b"].contains($a)} — in biscuit-java's syntax {@code [..]} is a
 *       <em>set</em>, serialized as a protobuf set, which biscuit-auth reads and prints as {@code {"a", "b"}}.
 *       Hook0's documented claim uses a Datalog 3.3 array instead, which biscuit-java cannot read at all.</li>
 * </ul>
 *
 * @param applicationId  restrict to this application, or null
 * @param expiresAt      refused from this instant on (second precision), or null
 * @param allowedActions allow-list of action names, or null for no allow-list
 */
public record AttenuationBlock(UUID applicationId, Instant expiresAt, Set<String> allowedActions) {

    public AttenuationBlock {
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        allowedActions = allowedActions == null ? null : Set.copyOf(new TreeSet<>(allowedActions));
        if (applicationId == null && expiresAt == null && allowedActions == null) {
            throw new IllegalArgumentException("an attenuation block needs at least one restriction");
        }
        if (allowedActions != null && allowedActions.isEmpty()) {
            throw new IllegalArgumentException("an action allow-list needs at least one action");
        }
    }

    public Optional<UUID> application() {
        return Optional.ofNullable(applicationId);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Set<String>> actions() {
        return Optional.ofNullable(allowedActions);
    }

    /** The checks in biscuit-java's syntax, in order: application, expiry, allow-list. */
    public List<String> datalogChecks() {
        List<String> checks = new ArrayList<>();
        if (applicationId != null) {
            checks.add("check if application_id($a), $a == hex:" + hex(applicationId));
        }
        if (expiresAt != null) {
            checks.add("check if time($t), $t < " + expiresAt);
        }
        if (allowedActions != null) {
            checks.add("check if action($a), [" + quotedSorted() + "].contains($a)");
        }
        return checks;
    }

    /** One line for people: what the block restricts. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        application().ifPresent(a -> parts.add("application " + a));
        expiry().ifPresent(e -> parts.add("expires " + e));
        actions().ifPresent(a -> parts.add("actions " + String.join(", ", new TreeSet<>(a))));
        return String.join("; ", parts);
    }

    private String quotedSorted() {
        return new TreeSet<>(allowedActions).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
    }

    /** 32 lowercase hex digits of the UUID's 16 bytes, big-endian, as Hook0 stores UUIDs in tokens. */
    static String hex(UUID id) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(id.getMostSignificantBits()) + hex.toHexDigits(id.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return "AttenuationBlock" + datalogChecks();
    }
}

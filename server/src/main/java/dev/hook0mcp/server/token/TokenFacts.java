package dev.hook0mcp.server.token;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a Hook0 service token says about itself, read offline (no signature check, no network).
 *
 * <p>These are <em>claims read from the token</em>, not an authorization decision: the online probe is
 * authoritative. The record holds no part of the token text, so {@link #toString()} cannot leak it.
 *
 * @param organizationId         {@code organization_id(hex:…)} from the authority block.
 * @param applicationIds         every distinct application the token's checks restrict it to, in the order found:
 *                               {@code check if application_id(hex:…)} (Hook0 dashboard) and
 *                               {@code check if application_id($a), $a == hex:…}. Empty: no application restriction.
 *                               Two or more distinct ids means no application can satisfy every check.
 * @param expiresAt              the first instant at which Hook0 rejects the token because of a
 *                               {@code check if time($t), $t < D} ({@code D}) or {@code $t <= D} ({@code D + 1s}),
 *                               the earliest across all blocks; empty when there is no such check.
 * @param attenuationBlocks      number of blocks after the authority block.
 * @param actionAllowList        intersection of every action allow-list found
 *                               ({@code check if action($a), [..].contains($a)}, {@code {..}.contains($a)},
 *                               {@code action("x")}, {@code $a == "x"}); empty when the token has none.
 * @param tokenType              the authority block's {@code type(..)}, {@code "service_access"} for service tokens.
 * @param version                the authority block's {@code version(..)} (1 today).
 * @param unrecognizedStatements checks this reader did not recognise (custom Datalog), plus any rules, plus facts
 *                               in attenuation blocks: when non-zero the token has restrictions this record does not
 *                               describe, and only the online probe can tell what it allows.
 * @param rootId                 the revocation id of the authority block (hex of its signature): the same for a
 *                               root token and every token attenuated from it, since attenuating only appends
 *                               blocks. It names the token family Hook0 rate-limits together; not a secret (it is
 *                               what Hook0 lists to revoke a token), and it cannot be turned back into the token.
 */
public record TokenFacts(
        UUID organizationId,
        List<UUID> applicationIds,
        Optional<Instant> expiresAt,
        int attenuationBlocks,
        Optional<Set<String>> actionAllowList,
        String tokenType,
        long version,
        int unrecognizedStatements,
        String rootId) {

    public TokenFacts {
        Objects.requireNonNull(rootId, "rootId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(tokenType, "tokenType");
        applicationIds = List.copyOf(new LinkedHashSet<>(applicationIds));
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        actionAllowList = actionAllowList.map(s -> Collections.unmodifiableSet(new TreeSet<>(s)));
        if (attenuationBlocks < 0 || unrecognizedStatements < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The application the token is restricted to, when its checks name exactly one distinct application. */
    public Optional<UUID> applicationRestriction() {
        return applicationIds.size() == 1 ? Optional.of(applicationIds.get(0)) : Optional.empty();
    }

    /** Whether a time check rejects the token at {@code now} (Hook0 compares whole seconds). */
    public boolean isExpired(Instant now) {
        return expiresAt.map(limit -> !now.isBefore(limit)).orElse(false);
    }

    /** Whether the token carries at least one attenuation block. A root token has none and may do everything. */
    public boolean isAttenuated() {
        return attenuationBlocks > 0;
    }

    /** False when an action allow-list was found and does not contain {@code action}. */
    public boolean allowListPermits(String action) {
        return actionAllowList.map(list -> list.contains(action)).orElse(true);
    }

    /** True when the token holds Datalog this reader does not understand (see {@link #unrecognizedStatements}). */
    public boolean hasUnrecognizedStatements() {
        return unrecognizedStatements > 0;
    }
}
